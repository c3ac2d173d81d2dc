/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Starts a context that must fail, and gives its failure as a {@link FailureAnalyzer} explains it. */
public final class StartupFailures {

    private StartupFailures() {
    }

    /** The analysis of the runner's start-up failure; fails the test when it started or the analyzer passes. */
    public static FailureAnalysis analysis(ApplicationContextRunner runner, FailureAnalyzer analyzer) {
        FailureAnalysis[] analysis = new FailureAnalysis[1];
        runner.run(context -> {
            assertThat(context).hasFailed();
            analysis[0] = analyzer.analyze(context.getStartupFailure());
        });
        assertThat(analysis[0]).as("the analyzer explains the failure").isNotNull();
        return analysis[0];
    }

    /** The first exception of {@code type} in a failure's cause chain. */
    public static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + failure);
    }
}
