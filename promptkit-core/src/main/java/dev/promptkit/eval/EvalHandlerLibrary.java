/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.eval;

import java.util.Map;

/**
 * A set of eval handler types, found through {@link java.util.ServiceLoader} (list the class in
 * {@code META-INF/services/dev.promptkit.eval.EvalHandlerLibrary}) or registered on an {@link EvalRegistry}.
 */
public interface EvalHandlerLibrary {

    /** Handler factories by type name. */
    Map<String, EvalHandlerFactory> handlers();
}
