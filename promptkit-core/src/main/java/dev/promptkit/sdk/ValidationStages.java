/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import dev.promptkit.pack.Pack;
import dev.promptkit.pipeline.InputValidationStage;
import dev.promptkit.pipeline.OutputValidationStage;
import dev.promptkit.pipeline.PipelineBuilder;
import dev.promptkit.pipeline.ProviderStage;
import dev.promptkit.pipeline.StreamValidationStage;
import dev.promptkit.validation.PromptValidator;
import dev.promptkit.validation.ValidationPolicy;
import dev.promptkit.validation.ValidatorRegistry;
import java.util.List;

/**
 * Compiles a prompt's validators when a conversation opens (so a bad validator fails the open) and places the
 * validation stages around the provider stage: input validation before it, then stream validation (in
 * {@link dev.promptkit.validation.ValidationMode#ERROR}) and output validation after it. Stages without
 * validators to run are left out.
 */
final class ValidationStages {

    private ValidationStages() {
    }

    static void install(PipelineBuilder pipeline, Pack pack, String promptName, ConversationOptions options) {
        ValidatorRegistry registry = options.validation().registry() != null ? options.validation().registry()
                : StandardRegistry.INSTANCE;
        ValidationPolicy policy = options.validation().policy();
        List<PromptValidator> active = policy.active(registry.compile(pack, promptName));
        List<PromptValidator> input = active.stream().filter(PromptValidator::checksInput).toList();
        List<PromptValidator> output = active.stream().filter(PromptValidator::checksOutput).toList();
        List<PromptValidator> streaming = output.stream().filter(PromptValidator::streams).toList();
        if (!input.isEmpty()) {
            pipeline.insertBefore(ProviderStage.NAME, new InputValidationStage(input, policy));
        }
        if (!output.isEmpty()) {
            pipeline.insertAfter(ProviderStage.NAME, new OutputValidationStage(output, policy));
        }
        if (!streaming.isEmpty() && policy.stopsStreams()) {
            pipeline.insertAfter(ProviderStage.NAME, new StreamValidationStage(streaming, policy));
        }
    }

    /** The registry used when the options name none, made once: finding libraries scans the class path. */
    private static final class StandardRegistry {
        static final ValidatorRegistry INSTANCE = ValidatorRegistry.standard();
    }
}
