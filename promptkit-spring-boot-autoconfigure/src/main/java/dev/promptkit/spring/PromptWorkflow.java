/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Injects a new {@link dev.promptkit.sdk.Workflow} of a pack's workflow, in its entry state: each injection point
 * gets its own, closed with the application context.
 *
 * <pre>{@code
 * @Service
 * class Desk {
 *     Desk(@PromptWorkflow("support") Workflow support) { ... }
 * }
 * }</pre>
 *
 * <p>A bean serving many users should open (and resume) one workflow per user with
 * {@code Conversations.openWorkflow} and {@code Conversations.resumeWorkflow} instead.
 *
 * @since 0.2.0
 */
@Target({ ElementType.FIELD, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface PromptWorkflow {

    /** The pack's name; when empty, the default pack, or the one pack that has a workflow. */
    String value() default "";
}
