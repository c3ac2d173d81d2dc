package dev.promptkit.pack;

import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.JsonNode;

/** A template variable a prompt declares: its type, whether it is required, a default and validation rules. */
public record VariableDef(
        @JsonProperty("name") String name,
        @JsonProperty("type") String type,
        @JsonProperty("required") boolean required,
        @JsonProperty("default") JsonNode defaultValue,
        @JsonProperty("description") String description,
        @JsonProperty("example") JsonNode example,
        @JsonProperty("validation") JsonNode validation,
        @JsonProperty("binding") JsonNode binding) {
}
