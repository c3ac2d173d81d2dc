/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import dev.promptkit.event.EventBus;
import dev.promptkit.pack.Pack;
import dev.promptkit.pack.Prompt;
import dev.promptkit.pipeline.Pipeline;
import dev.promptkit.pipeline.TurnPreparer;
import dev.promptkit.provider.Provider;
import dev.promptkit.recording.EventRecorder;
import dev.promptkit.state.StateStore;
import dev.promptkit.tool.PendingStore;
import dev.promptkit.tool.ToolCallRunner;
import dev.promptkit.tool.mcp.McpServers;

/**
 * What a conversation and its forks share: the pack and prompt, the provider, the stores, the turn preparer and the
 * pipeline, the event bus and its recorder ({@code null} without an event store). A setup that several conversations
 * share has the options' bus, or none ({@code null}) when each conversation gets a bus of its own through
 * {@link #withEvents}; it never has a recorder.
 */
record ConversationSetup(Pack pack, String promptName, Prompt prompt, Provider provider, String model,
        StateStore stateStore, PendingStore pendingStore, ToolCallRunner toolRunner, TurnPreparer preparer, Pipeline pipeline,
        EventBus events, McpServers ownedMcpServers, EventRecorder recorder, ConversationOptions options) {

    /** This setup with another event bus, and a recorder of its own on it when the options name an event store. */
    ConversationSetup withEvents(EventBus otherEvents) {
        return new ConversationSetup(pack, promptName, prompt, provider, model, stateStore, pendingStore, toolRunner,
                preparer, pipeline, otherEvents, ownedMcpServers, ConversationFactory.recorder(options, otherEvents),
                options);
    }
}
