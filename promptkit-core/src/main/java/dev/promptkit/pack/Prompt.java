/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.promptkit.types.ModelParameters;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One prompt of a pack: the system template and what it needs (variables, tools and their policy, parameters,
 * validators), plus evals, test records, per-model overrides and multimodal settings. {@code toolPolicy} and
 * {@code parameters} are never {@code null}; {@code pipeline} and {@code media} are {@code null} when absent.
 *
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Prompt(
        @JsonProperty("id") String id,
        @JsonProperty("name") String name,
        @JsonProperty("description") String description,
        @JsonProperty("version") String version,
        @JsonProperty("system_template") String systemTemplate,
        @JsonProperty("variables") List<VariableDef> variables,
        @JsonProperty("tools") List<String> tools,
        @JsonProperty("tool_policy") ToolPolicy toolPolicy,
        @JsonProperty("pipeline") PipelineConfig pipeline,
        @JsonProperty("parameters") Parameters parameters,
        @JsonProperty("validators") List<ValidatorDef> validators,
        @JsonProperty("evals") List<Eval> evals,
        @JsonProperty("tested_models") List<TestedModel> testedModels,
        @JsonProperty("model_overrides") Map<String, ModelOverride> modelOverrides,
        @JsonProperty("media") MediaConfig media) {

    public Prompt {
        variables = Immutable.list(variables);
        tools = Immutable.list(tools);
        toolPolicy = toolPolicy == null ? ToolPolicy.DEFAULT : toolPolicy;
        parameters = parameters == null ? Parameters.NONE : parameters;
        validators = Immutable.list(validators);
        evals = Immutable.list(evals);
        testedModels = Immutable.list(testedModels);
        modelOverrides = Immutable.map(modelOverrides);
    }

    /**
     * The system template for {@code model}: its {@code model_overrides} entry's {@code system_template} in place of
     * the prompt's when it has one, between the entry's prefix and suffix; the prompt's own for a model with no entry
     * (or {@code null}).
     */
    public String systemTemplateFor(String model) {
        ModelOverride override = model == null ? null : modelOverrides.get(model);
        if (override == null) {
            return systemTemplate;
        }
        String template = override.systemTemplate() != null ? override.systemTemplate() : systemTemplate;
        return Objects.requireNonNullElse(override.systemTemplatePrefix(), "") + Objects.requireNonNullElse(template, "")
                + Objects.requireNonNullElse(override.systemTemplateSuffix(), "");
    }

    /** The parameters for {@code model}: the prompt's, with its {@code model_overrides} entry's laid over them. */
    public ModelParameters parametersFor(String model) {
        ModelOverride override = model == null ? null : modelOverrides.get(model);
        ModelParameters own = parameters.toModelParameters();
        return override == null || override.parameters() == null ? own
                : own.overriddenBy(override.parameters().toModelParameters());
    }
}
