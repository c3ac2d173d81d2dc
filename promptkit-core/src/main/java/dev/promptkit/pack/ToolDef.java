package dev.promptkit.pack;

import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.JsonNode;

/** A tool the pack declares: name, description, and the JSON Schema of its parameters. */
public record ToolDef(
        @JsonProperty("name") String name,
        @JsonProperty("description") String description,
        @JsonProperty("parameters") JsonNode parameters) {
}
