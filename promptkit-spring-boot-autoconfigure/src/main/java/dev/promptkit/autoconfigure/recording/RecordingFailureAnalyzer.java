/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.recording;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a recording store the application cannot have, and what to do about it. */
class RecordingFailureAnalyzer extends AbstractFailureAnalyzer<RecordingConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, RecordingConfigurationException cause) {
        return new FailureAnalysis("PromptKit could not set up session recording:" + System.lineSeparator()
                + System.lineSeparator() + "    " + cause.getMessage() + ".", "Add the dependency"
                + " org.springframework.boot:spring-boot-starter-data-redis-reactive and configure the connection with"
                + " spring.data.redis.url (or .host and .port); or set promptkit.recording.store=file (valid values:"
                + " file, redis) to record into JSON lines files under promptkit.recording.directory.", cause);
    }
}
