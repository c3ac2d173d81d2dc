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
 * Offline evals as a test: runs the evals a pack declares for a prompt (its own and the pack's) over recorded or
 * scripted conversations, and fails the test with a readable {@link EvalReport} when an eval's mean score is under
 * its threshold. The test method runs after the evals and may take the {@link EvalReport} as a parameter. On a
 * method it replaces the one on the class.
 *
 * <pre>{@code
 * @Test
 * @PromptEval(pack = "packs/support.pack.json", prompt = "support",
 *         recordings = "recordings/refund-session.jsonl")
 * void supportAnswersStayPolite(EvalReport report) {
 *     assertThat(report.scores()).isNotEmpty();
 * }
 * }</pre>
 *
 * <p>Recordings are {@link dev.promptkit.recording.FileEventStore} files or
 * {@link dev.promptkit.recording.SessionRecording} exports (JSON lines); each user message and the answers after it
 * make one turn. A {@link #script() mock script} answers the {@link #inputs() inputs} instead, one turn each.
 * Locations are classpath resources ({@code classpath:} prefix optional) or, with a {@code file:} prefix, files.
 *
 * @since 0.1.0
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(PromptEvalExtension.class)
public @interface PromptEval {

    /**
     * The pack file.
     *
     * @return its location, such as {@code packs/support.pack.json}
     */
    String pack();

    /**
     * The prompt whose evals run.
     *
     * @return the prompt's name in the pack's {@code prompts}
     */
    String prompt();

    /**
     * Recorded conversations to score.
     *
     * @return their locations, such as {@code recordings/session-1.jsonl}
     */
    String[] recordings() default {};

    /**
     * A mock provider script that answers {@link #inputs()} in a conversation on the prompt.
     *
     * @return its location, or empty for none
     */
    String script() default "";

    /**
     * The user messages sent, in order, to the conversation {@link #script()} answers.
     *
     * @return the messages
     */
    String[] inputs() default {};
}
