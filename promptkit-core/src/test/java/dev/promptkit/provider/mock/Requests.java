/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.mock;

import dev.promptkit.provider.ProviderRequest;
import dev.promptkit.types.Message;
import java.util.List;
import java.util.Map;

/** Builds the provider requests the mock tests send. */
final class Requests {

    private Requests() {
    }

    static ProviderRequest conversation(Message... messages) {
        return ProviderRequest.of(null, null, List.of(messages));
    }

    static ProviderRequest withMetadata(Map<String, Object> metadata, Message... messages) {
        return new ProviderRequest(null, null, List.of(messages), null, null, null, null, metadata);
    }

    /** A request Arena would send: scenario and turn number in the metadata, one user message. */
    static ProviderRequest scenarioTurn(String scenarioId, int turn, String userText) {
        return withMetadata(Map.of("mock_scenario_id", scenarioId, "mock_turn_number", turn),
                Message.user(userText));
    }
}
