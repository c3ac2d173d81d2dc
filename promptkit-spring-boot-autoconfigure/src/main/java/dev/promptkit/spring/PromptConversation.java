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
 * Injects a new {@link dev.promptkit.sdk.Conversation} on a prompt: each injection point gets its own.
 *
 * <pre>{@code
 * @Service
 * class Greeter {
 *     Greeter(@PromptConversation("chat") Conversation chat) { ... }
 * }
 * }</pre>
 *
 * <p>An injection point of type {@link dev.promptkit.sdk.DuplexConversation} gets a duplex one (see
 * {@code Conversations.openDuplex}), its session open when it is injected and closed with the application context. A session lives as long as the
 * provider keeps it (OpenAI Realtime ends them after a while) and ends for good on an error: a bean that talks for
 * longer than that, or per user, should open sessions itself with {@code Conversations.openDuplexAsync}.
 *
 * @since 0.1.0
 */
@Target({ ElementType.FIELD, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface PromptConversation {

    /** The prompt's name in its pack. */
    String value();

    /** The pack's name; when empty, the default pack, or the one pack that has the prompt. */
    String pack() default "";
}
