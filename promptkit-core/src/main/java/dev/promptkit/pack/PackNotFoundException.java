/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pack;

/**
 * No pack exists at the given file path or classpath location.
 *
 * @since 0.1.0
 */
public class PackNotFoundException extends PackException {

    private static final long serialVersionUID = 1L;

    public PackNotFoundException(String path) {
        this(path, "no such file");
    }

    public PackNotFoundException(String path, String message) {
        super(path, message);
    }
}
