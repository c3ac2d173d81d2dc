/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pipeline;

import java.util.Objects;

/**
 * Where a custom {@link Stage} goes in a conversation's pipeline: just before or just after a built-in
 * stage, named by its stable name ({@code input_validation}, {@code image_preprocess},
 * {@code media_validation}, {@code provider}, {@code stream_validation}, {@code output_validation},
 * {@code state_save}; the optional ones are there only when configured). Stages placed at the same spot
 * keep the order they were added in.
 *
 * <pre>{@code
 * ConversationOptions.builder().stage(new RedactEmailsStage(), StagePlacement.after("provider"));
 * }</pre>
 *
 * @since 0.1.0
 */
public record StagePlacement(Position position, String anchor) {

    /** Before or after the anchor stage. */
    public enum Position { BEFORE, AFTER }

    /** Right after the provider: sees the model's streamed answer before validation and storage. */
    public static final StagePlacement DEFAULT = after("provider");

    public StagePlacement {
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(anchor, "anchor");
    }

    public static StagePlacement before(String stageName) {
        return new StagePlacement(Position.BEFORE, stageName);
    }

    public static StagePlacement after(String stageName) {
        return new StagePlacement(Position.AFTER, stageName);
    }

    /** Puts {@code stage} into {@code pipeline} at this place. */
    public void apply(PipelineBuilder pipeline, Stage stage) {
        if (position == Position.BEFORE) {
            pipeline.insertBefore(anchor, stage);
        }
        else {
            pipeline.insertAfter(anchor, stage);
        }
    }
}
