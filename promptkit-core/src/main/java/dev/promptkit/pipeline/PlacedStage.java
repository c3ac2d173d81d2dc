/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pipeline;

/**
 * A {@link Stage} that says where it belongs, for stages contributed as Spring beans (which have no
 * other way to say it). Without this interface a stage bean goes {@link StagePlacement#DEFAULT right after
 * the provider}.
 *
 * @since 0.1.0
 */
public interface PlacedStage extends Stage {

    StagePlacement placement();
}
