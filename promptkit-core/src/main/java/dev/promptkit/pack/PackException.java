/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pack;

import dev.promptkit.PromptKitException;
import java.util.List;

/**
 * A pack could not be loaded or is not valid. The message names the pack's source (a file path, a classpath resource
 * or the name given with a stream) and, for schema and consistency violations, lists every violation with its JSON
 * pointer, one per line, sorted by pointer.
 *
 * @since 0.1.0
 */
public class PackException extends PromptKitException {

    private static final long serialVersionUID = 1L;

    private final String path;
    private final String reason;
    private final List<String> violations;

    public PackException(String path, String message) {
        this(path, message, List.of(), null);
    }

    public PackException(String path, String message, Throwable cause) {
        this(path, message, List.of(), cause);
    }

    public PackException(String path, String message, List<String> violations, Throwable cause) {
        super(compose(path, message, violations), cause);
        this.path = path;
        this.reason = message;
        this.violations = List.copyOf(violations);
    }

    private static String compose(String path, String message, List<String> violations) {
        StringBuilder text = new StringBuilder("Invalid pack ").append(path).append(": ").append(message);
        for (String violation : violations) {
            text.append(System.lineSeparator()).append("  ").append(violation);
        }
        return text.toString();
    }

    /** The pack's source: its file path, classpath resource or the name given with its stream. */
    public String path() {
        return path;
    }

    /** What is wrong, without the pack's source or the violations ("malformed JSON at line 3, column 3: ..."). */
    public String reason() {
        return reason;
    }

    /** Each schema or consistency violation as {@code /json/pointer: message}; empty for other failures. */
    public List<String> violations() {
        return violations;
    }
}
