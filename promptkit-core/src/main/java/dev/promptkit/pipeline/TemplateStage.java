/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pipeline;

import dev.promptkit.pack.TemplateRenderer;
import reactor.core.publisher.Flux;

/**
 * Renders the prompt's system template with the turn's variables and the pack's fragments. User text
 * is never rendered as a template: a {@code {{...}}} typed by a user reaches the model as typed.
 *
 * @since 0.1.0
 */
public final class TemplateStage implements Stage {

    public static final String NAME = "template";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StageType type() {
        return StageType.TRANSFORM;
    }

    @Override
    public Flux<StreamElement> process(Flux<StreamElement> in, TurnContext turn) {
        return TurnPreparation.before(in, () -> turn.systemPrompt(TemplateRenderer.render(
                turn.prompt().systemTemplate(), turn.variables(), turn.pack().fragments())));
    }
}
