/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure;

import dev.promptkit.eval.EvalGuardrails;
import dev.promptkit.eval.EvalRegistry;
import dev.promptkit.sdk.ConversationOptions;
import dev.promptkit.validation.ValidatorLibrary;
import dev.promptkit.validation.ValidatorRegistry;
import java.util.List;
import java.util.Set;

/**
 * Applies {@code promptkit.validation.*} (mode, strict, disabled types) and adds the application's
 * {@link ValidatorLibrary} beans to the standard validator types; one that defines a built-in type fails start-up
 * unless {@code promptkit.validation.replace-built-in-types} is set. The text handlers of the application's
 * {@link EvalRegistry} (its {@code llm_judge} and custom eval handlers) become guardrail types too.
 *
 * @param evals the application's eval registry, or {@code null}
 */
record ValidationPropertiesCustomizer(PromptKitProperties.Validation properties, List<ValidatorLibrary> libraries,
        EvalRegistry evals) implements ConversationOptionsCustomizer {

    @Override
    public void customize(ConversationOptions.Builder options) {
        options.validation(validation -> validation.withMode(properties.mode()).withStrict(properties.strict())
                .withDisabledTypes(properties.disabled().toArray(String[]::new)));
        if (!libraries.isEmpty() || evals != null) {
            options.validatorRegistry(registry());
        }
    }

    private ValidatorRegistry registry() {
        ValidatorRegistry registry = ValidatorRegistry.standard();
        Set<String> builtIn = registry.types();
        if (evals != null) {
            registry.registerAll(EvalGuardrails.of(evals));
        }
        for (ValidatorLibrary library : libraries) {
            library.validators().keySet().stream().filter(builtIn::contains).findFirst().ifPresent(type -> {
                if (!properties.replaceBuiltInTypes()) {
                    throw new IllegalStateException("A ValidatorLibrary bean defines validator type '" + type
                            + "', which is built in; give it another name, or set "
                            + "promptkit.validation.replace-built-in-types=true to replace the built-in one");
                }
            });
            registry.registerAll(library);
        }
        return registry;
    }
}
