/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Opens a conversation on a prompt of a pack for each test method, answered by the scripted
 * {@link dev.promptkit.provider.mock.MockProvider}, and passes it to the test as a
 * {@link dev.promptkit.sdk.Conversation} parameter (the provider, too, when the method asks for a
 * {@link dev.promptkit.provider.mock.MockProvider}). The conversation is closed after the test. On a method it
 * replaces the one on the class.
 *
 * <pre>{@code
 * @MockConversation(pack = "packs/support.pack.json", prompt = "support", script = "mock-responses.yaml")
 * class SupportConversationTests {
 *     @Test
 *     void greets(Conversation conversation) {
 *         assertThat(conversation.send("Hello").text()).startsWith("Hello!");
 *     }
 * }
 * }</pre>
 *
 * <p>Locations are classpath resources ({@code classpath:} prefix optional) or, with a {@code file:} prefix,
 * files. The mock script's format is described by {@link dev.promptkit.provider.mock.MockScript}.
 *
 * @since 0.1.0
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(MockConversationExtension.class)
public @interface MockConversation {

    /**
     * The pack file.
     *
     * @return its location, such as {@code packs/support.pack.json} or {@code file:src/main/packs/a.pack.json}
     */
    String pack();

    /**
     * The prompt of the pack to open the conversation on.
     *
     * @return the prompt's name in the pack's {@code prompts}
     */
    String prompt();

    /**
     * The mock script that answers the conversation; without one every call gets the mock's generic answer.
     *
     * @return its location, such as {@code mock-responses.yaml}, or empty for none
     */
    String script() default "";

    /**
     * Template variables set before the first turn.
     *
     * @return entries of the form {@code name=value}
     */
    String[] variables() default {};
}
