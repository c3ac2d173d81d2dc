/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.validation;

import java.util.Map;

/** A validator library found through {@code META-INF/services}, as a plugin jar would provide it. */
public final class TestValidatorLibrary implements ValidatorLibrary {

    static final String TYPE = "test_ends_with";

    @Override
    public Map<String, ValidatorFactory> validators() {
        return Map.of(TYPE, params -> {
            String suffix = params.requiredString("suffix");
            return text -> text.endsWith(suffix) ? Verdict.PASS : Verdict.fail("does not end with " + suffix);
        });
    }
}
