/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pipeline;

/**
 * What every built-in stage shares: its stable name, under which custom stages are placed, and its type.
 *
 * @since 0.1.0
 */
public abstract class BuiltInStage implements Stage {

    private final String name;
    private final StageType type;

    protected BuiltInStage(String name, StageType type) {
        this.name = name;
        this.type = type;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final StageType type() {
        return type;
    }
}
