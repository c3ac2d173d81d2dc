/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import dev.promptkit.validation.ValidationMode;
import dev.promptkit.validation.ValidationPolicy;
import dev.promptkit.validation.ValidatorRegistry;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * How a conversation's pack and answers are checked: part of {@link ConversationOptions}. Change it with
 * {@code ConversationOptions.builder().validation(validation -> validation.withMode(ValidationMode.WARN))}.
 *
 * @param policy how the pack's validators apply: the mode, strict validation and the types switched off
 * @param registry the validator types packs may name; {@code null} for {@link ValidatorRegistry#standard()}
 * @param skipSchemaValidation whether the pack is loaded without checking it against the PromptPack JSON Schema
 *
 * @since 0.1.0
 */
public record ValidationOptions(ValidationPolicy policy, ValidatorRegistry registry, boolean skipSchemaValidation) {

    /** {@link ValidationPolicy#DEFAULT}, the standard validator types, packs checked against the schema. */
    public static final ValidationOptions DEFAULTS = new ValidationOptions(ValidationPolicy.DEFAULT, null, false);

    public ValidationOptions {
        Objects.requireNonNull(policy, "policy");
    }

    /**
     * What validator failures do: {@link ValidationMode#ERROR} (the default) fails the turn for validators with
     * {@code fail_on_violation: true}, {@link ValidationMode#WARN} only records, {@link ValidationMode#DISABLED} runs
     * no validators.
     */
    public ValidationOptions withMode(ValidationMode mode) {
        return withPolicy(new ValidationPolicy(mode, policy.strict(), policy.disabledTypes()));
    }

    /** Every validator failure fails the turn (in {@link ValidationMode#ERROR}), whatever it says itself. */
    public ValidationOptions withStrict(boolean strict) {
        return withPolicy(new ValidationPolicy(policy.mode(), strict, policy.disabledTypes()));
    }

    /** These options with the pack's validators of these types switched off, as the pack names them. */
    public ValidationOptions withDisabledTypes(String... types) {
        Set<String> disabled = new LinkedHashSet<>(policy.disabledTypes());
        for (String type : types) {
            disabled.add(OptionValues.text(type, "validator type"));
        }
        return withPolicy(new ValidationPolicy(policy.mode(), policy.strict(), disabled));
    }

    public ValidationOptions withPolicy(ValidationPolicy newPolicy) {
        return new ValidationOptions(newPolicy, registry, skipSchemaValidation);
    }

    /** These options with validator types of your own; see {@link ValidatorRegistry#standard()}. */
    public ValidationOptions withRegistry(ValidatorRegistry validators) {
        return new ValidationOptions(policy, Objects.requireNonNull(validators, "registry"), skipSchemaValidation);
    }

    public ValidationOptions withSkipSchemaValidation(boolean skip) {
        return new ValidationOptions(policy, registry, skip);
    }
}
