/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pipeline;

/**
 * How a {@link Stage} relates its output to its input.
 *
 * @since 0.1.0
 */
public enum StageType {
    /** One element in, one or more out (map, filter, enrich). */
    TRANSFORM,
    /** Many elements in, one out (collect, then emit a result). */
    ACCUMULATE,
    /** Produces elements of its own, such as a provider's answer, after reading its input. */
    GENERATE,
    /** Consumes elements for a side effect (storage, recording) and passes them on unchanged. */
    SINK
}
