/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pipeline;

import reactor.core.publisher.Flux;

/**
 * One step of a turn's pipeline: a Reactor transformer from the elements before it to the elements
 * after it. A stage must respect demand (never buffer without bound), must not block the thread it
 * is called on, and must let cancellation through to its input.
 *
 * <pre>{@code
 * final class UpperCaseStage implements Stage {
 *     public String name() { return "upper-case"; }
 *     public StageType type() { return StageType.TRANSFORM; }
 *     public Flux<StreamElement> process(Flux<StreamElement> in, TurnContext turn) {
 *         return in.map(e -> e.isText() ? StreamElement.text(e.text().toUpperCase()) : e);
 *     }
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public interface Stage {

    /** A stable name, unique within a pipeline; custom stages are placed relative to these names. */
    String name();

    StageType type();

    /** Transforms this turn's elements. Called once per turn; {@code turn} carries the turn's fixed state. */
    Flux<StreamElement> process(Flux<StreamElement> in, TurnContext turn);
}
