package dev.promptkit.pack;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A loaded PromptPack (format v1.4.0): prompts keyed by name, shared fragments and tools, and the
 * sections the runtime keeps for later use. Immutable.
 */
public record Pack(
        @JsonProperty("$schema") String schema,
        @JsonProperty("id") String id,
        @JsonProperty("name") String name,
        @JsonProperty("version") String version,
        @JsonProperty("description") String description,
        @JsonProperty("template_engine") JsonNode templateEngine,
        @JsonProperty("prompts") Map<String, Prompt> prompts,
        @JsonProperty("fragments") Map<String, String> fragments,
        @JsonProperty("tools") Map<String, ToolDef> tools,
        @JsonProperty("metadata") JsonNode metadata,
        @JsonProperty("compilation") JsonNode compilation,
        @JsonProperty("evals") JsonNode evals,
        @JsonProperty("workflow") JsonNode workflow,
        @JsonProperty("agents") JsonNode agents,
        @JsonProperty("skills") JsonNode skills) {

    public Pack {
        prompts = prompts == null ? Map.of() : Map.copyOf(prompts);
        fragments = fragments == null ? Map.of() : Map.copyOf(fragments);
        tools = tools == null ? Map.of() : Map.copyOf(tools);
    }

    public Optional<Prompt> prompt(String promptName) {
        return Optional.ofNullable(prompts.get(promptName));
    }
}
