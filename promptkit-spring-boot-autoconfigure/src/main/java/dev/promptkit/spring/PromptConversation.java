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
