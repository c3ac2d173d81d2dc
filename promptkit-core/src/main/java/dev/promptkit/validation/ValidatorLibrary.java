/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.validation;

import java.util.Map;

/**
 * A set of validator types, by the names packs use for them. List an implementation (public, with a public
 * no-argument constructor) in {@code META-INF/services/dev.promptkit.validation.ValidatorLibrary} and
 * {@link ValidatorRegistry#standard()} adds its types; see {@link Validator} for a complete example.
 *
 * @since 0.1.0
 */
public interface ValidatorLibrary {

    /** Type name to factory; several names may share a factory (aliases). */
    Map<String, ValidatorFactory> validators();
}
