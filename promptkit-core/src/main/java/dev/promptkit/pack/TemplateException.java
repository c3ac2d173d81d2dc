/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pack;

import dev.promptkit.PromptKitException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A template could not be fully rendered: placeholders remain that no variable or fragment fills, or values keep
 * producing placeholders after {@value Template#MAX_PASSES} passes (a value that refers to itself). This is a
 * rendering failure at run time, not a defect of a pack file, so it is a {@link PromptKitException} rather than a
 * {@link PackException} (which names a pack source).
 *
 * @since 0.1.0
 */
public class TemplateException extends PromptKitException {

    private static final long serialVersionUID = 1L;

    private final List<String> unresolved;

    public TemplateException(List<String> unresolved, boolean passLimitReached) {
        super(compose(unresolved, passLimitReached));
        this.unresolved = List.copyOf(unresolved);
    }

    private static String compose(List<String> unresolved, boolean passLimitReached) {
        String list = unresolved.stream().map(name -> "{{" + name + "}}").collect(Collectors.joining(", "));
        return passLimitReached
                ? "Template placeholders still unresolved after " + Template.MAX_PASSES
                        + " passes (a value may refer to itself): " + list
                : "Unresolved template placeholders: " + list;
    }

    /** The names of the placeholders left, in order of first appearance ({@code fragments.x} for a fragment). */
    public List<String> unresolved() {
        return unresolved;
    }
}
