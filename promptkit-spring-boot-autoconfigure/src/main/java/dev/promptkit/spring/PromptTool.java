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
 * Marks a method of a Spring bean as the handler of a pack tool. Parameters bind by name from the
 * tool's arguments (compile with {@code -parameters}, or name them with {@link ToolParam}); the return
 * value (or what a returned {@code Mono}/{@code CompletableFuture} completes with) is serialised to
 * JSON for the model. A tool the packs do not declare fails the application's start-up. A method returning a
 * {@code Mono}, another {@code Publisher} or a {@code CompletionStage} is called on the caller's thread (often an
 * event loop: it must not block, as a WebFlux controller method must not); any other runs on a bounded worker pool.
 *
 * <pre>{@code
 * @Component
 * class Refunds {
 *     @PromptTool(value = "process_refund", requiresApproval = "#amount > 1000",
 *             approvalMessage = "Refunds over $1000 need a manager")
 *     RefundReceipt refund(String orderId, double amount) { ... }
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface PromptTool {

    /** The pack tool this method answers; the method's name when empty. */
    String value() default "";

    /**
     * A SpEL expression over the arguments ({@code #amount > 1000}); when it is true the call waits for
     * a human's approval instead of running.
     */
    String requiresApproval() default "";

    /** What the person approving the call is shown. */
    String approvalMessage() default "";
}
