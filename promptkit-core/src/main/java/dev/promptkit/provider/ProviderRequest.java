/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider;

import dev.promptkit.types.Message;
import dev.promptkit.types.ModelParameters;
import dev.promptkit.types.ResponseFormat;
import dev.promptkit.types.ToolChoice;
import dev.promptkit.types.ToolDescriptor;
import java.util.List;
import java.util.Map;

/**
 * Everything a provider needs for one call: the model, the rendered system prompt, the conversation so
 * far (without the system prompt), the tools on offer and the sampling parameters.
 *
 * @since 0.1.0
 */
public record ProviderRequest(String model, String system, List<Message> messages, List<ToolDescriptor> tools,
        ToolChoice toolChoice, ModelParameters parameters, ResponseFormat responseFormat,
        Map<String, Object> metadata) {

    public ProviderRequest {
        messages = List.copyOf(messages);
        tools = tools == null ? List.of() : List.copyOf(tools);
        toolChoice = toolChoice == null ? ToolChoice.AUTO : toolChoice;
        parameters = parameters == null ? ModelParameters.DEFAULTS : parameters;
        responseFormat = responseFormat == null ? ResponseFormat.TEXT : responseFormat;
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    public static ProviderRequest of(String model, String system, List<Message> messages) {
        return new ProviderRequest(model, system, messages, null, null, null, null, null);
    }

    public ProviderRequest withModel(String newModel) {
        return new ProviderRequest(newModel, system, messages, tools, toolChoice, parameters, responseFormat,
                metadata);
    }

    public ProviderRequest withMessages(List<Message> newMessages) {
        return new ProviderRequest(model, system, newMessages, tools, toolChoice, parameters, responseFormat,
                metadata);
    }
}
