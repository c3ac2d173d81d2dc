package dev.promptkit.pack;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** A validator a prompt declares: its type, whether it is on, whether a violation fails the turn, and its params. */
public record ValidatorDef(
        @JsonProperty("type") String type,
        @JsonProperty("enabled") Boolean enabled,
        @JsonProperty("message") String message,
        @JsonProperty("fail_on_violation") Boolean failOnViolation,
        @JsonProperty("params") Map<String, Object> params) {

    public ValidatorDef {
        enabled = enabled == null ? Boolean.TRUE : enabled;
        failOnViolation = failOnViolation == null ? Boolean.FALSE : failOnViolation;
        params = params == null ? Map.of() : params;
    }
}
