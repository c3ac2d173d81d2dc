/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.mock;

import dev.promptkit.PromptKitException;

/**
 * A mock script could not be read: the source is missing, the YAML is malformed, or its structure is not
 * the one {@link MockScript} documents. The message names the source and where in it the problem is.
 *
 * @since 0.1.0
 */
public class MockScriptException extends PromptKitException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final String location;

    MockScriptException(String source, String location, String problem, Throwable cause) {
        super(format(source, location, problem), cause);
        this.source = source;
        this.location = location;
    }

    private static String format(String source, String location, String problem) {
        String where = location == null ? "" : " at " + location;
        return "Invalid mock script " + source + where + ": " + problem;
    }

    /** Where the script came from: a file path, a classpath resource, or a name given by the caller. */
    public String source() {
        return source;
    }

    /**
     * Where in the script the problem is: a field path such as {@code scenarios.support.turns.2} with its line
     * and column when known, or just the line and column for a YAML syntax error; {@code null} when the
     * source itself could not be read.
     */
    public String location() {
        return location;
    }
}
