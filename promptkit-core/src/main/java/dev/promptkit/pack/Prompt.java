package dev.promptkit.pack;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** One prompt of a pack: the system template and what it needs (variables, tools, validators, parameters). */
public record Prompt(
        @JsonProperty("id") String id,
        @JsonProperty("name") String name,
        @JsonProperty("description") String description,
        @JsonProperty("version") String version,
        @JsonProperty("system_template") String systemTemplate,
        @JsonProperty("variables") List<VariableDef> variables,
        @JsonProperty("tools") List<String> tools,
        @JsonProperty("tool_policy") ToolPolicy toolPolicy,
        @JsonProperty("pipeline") JsonNode pipeline,
        @JsonProperty("parameters") Parameters parameters,
        @JsonProperty("validators") List<ValidatorDef> validators,
        @JsonProperty("evals") JsonNode evals,
        @JsonProperty("tested_models") JsonNode testedModels,
        @JsonProperty("model_overrides") JsonNode modelOverrides,
        @JsonProperty("media") JsonNode media) {

    public Prompt {
        variables = variables == null ? List.of() : List.copyOf(variables);
        tools = tools == null ? List.of() : List.copyOf(tools);
        toolPolicy = toolPolicy == null ? ToolPolicy.DEFAULT : toolPolicy;
        parameters = parameters == null ? Parameters.NONE : parameters;
        validators = validators == null ? List.of() : List.copyOf(validators);
    }
}
