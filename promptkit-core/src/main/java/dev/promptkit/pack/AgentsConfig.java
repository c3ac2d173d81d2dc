/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * The pack's {@code agents} (v1.3): the entry agent's prompt key and an A2A agent definition per member prompt.
 *
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AgentsConfig(
        @JsonProperty("entry") String entry,
        @JsonProperty("members") Map<String, AgentDef> members) {

    public AgentsConfig {
        members = Immutable.map(members);
    }
}
