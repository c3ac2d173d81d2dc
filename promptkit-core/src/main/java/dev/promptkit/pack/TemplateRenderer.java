/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pack;

import java.util.Map;

/**
 * Renders a template in one call. To render the same template repeatedly, or to ask which variables it references,
 * parse it once with {@link Template#parse} instead.
 *
 * @since 0.1.0
 */
public final class TemplateRenderer {

    private TemplateRenderer() {
    }

    /**
     * Substitutes {@code {{name}}} from {@code variables} and {@code {{fragments.x}}} from {@code fragments}, in up to
     * {@value Template#MAX_PASSES} passes (see {@link Template}).
     *
     * @throws TemplateException listing every placeholder left unresolved
     */
    public static String render(String template, Map<String, String> variables, Map<String, String> fragments) {
        return Template.parse(template).render(variables, fragments);
    }
}
