/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.anthropic;

import dev.promptkit.provider.ProviderRequest;
import dev.promptkit.provider.http.ParameterFields;
import dev.promptkit.provider.http.ToolDeclarations;
import dev.promptkit.types.Message;
import dev.promptkit.types.ModelParameters;
import dev.promptkit.types.Role;
import dev.promptkit.types.ToolChoice;
import java.util.List;
import java.util.StringJoiner;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a {@link ProviderRequest} as a streaming Messages API body: {@code model}, {@code max_tokens}
 * (the request's, else the provider's default, since the API requires it), the top-level {@code system}
 * prompt, the conversation as alternating {@code user}/{@code assistant} messages, {@code tools} and
 * {@code tool_choice}, {@code temperature}, {@code top_p}, {@code top_k} and the response format.
 *
 * <p>System messages inside the conversation are appended to the system prompt, as the API has no system
 * role. Tool results become {@code tool_result} blocks of a user message. {@code seed} and the
 * frequency and presence penalties have no Messages API equivalent and are not sent. A reasoning budget turns on
 * {@linkplain ExtendedThinking extended thinking}. With prompt caching on, a long prompt gets
 * {@linkplain CacheBreakpoints cache breakpoints}.
 */
final class MessagesRequestEncoder {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final ParameterFields SAMPLING = ParameterFields.builder().temperature("temperature").topP("top_p")
            .topK("top_k").build();

    private final String provider;
    private final ContentBlockEncoder blocks;
    private final int defaultMaxTokens;
    private final boolean promptCaching;

    MessagesRequestEncoder(String provider, int defaultMaxTokens, boolean promptCaching) {
        this.provider = provider;
        this.promptCaching = promptCaching;
        this.blocks = new ContentBlockEncoder(provider);
        this.defaultMaxTokens = defaultMaxTokens;
    }

    ObjectNode encode(ProviderRequest request, String model) {
        blocks.checkMedia(model, request.messages());
        ObjectNode body = JSON.createObjectNode();
        body.put("model", model);
        ModelParameters parameters = request.parameters();
        ExtendedThinking thinking = ExtendedThinking.of(provider, parameters.reasoning(), parameters.maxTokens());
        body.put("max_tokens", parameters.maxTokens() != null ? parameters.maxTokens() : defaultMaxTokens);
        String system = system(request);
        if (!system.isEmpty()) {
            body.put("system", system);
        }
        body.set("messages", messages(request, thinking));
        if (!request.tools().isEmpty()) {
            ArrayNode tools = body.putArray("tools");
            request.tools().forEach(tool -> tools.add(ToolDeclarations.describe(JSON.createObjectNode(), tool,
                    "input_schema")));
            body.set("tool_choice", toolChoice(request.toolChoice()));
        }
        SAMPLING.write(parameters, body);
        thinking.write(body);
        ObjectNode outputConfig = ResponseFormatEncoder.outputConfig(request.responseFormat());
        if (outputConfig != null) {
            body.set("output_config", outputConfig);
        }
        if (promptCaching) {
            CacheBreakpoints.mark(body);
        }
        body.put("stream", true);
        return body;
    }

    private static String system(ProviderRequest request) {
        StringJoiner system = new StringJoiner("\n\n");
        addNonBlank(system, request.system());
        request.messages().stream().filter(message -> message.role() == Role.SYSTEM)
                .forEach(message -> addNonBlank(system, message.text()));
        addNonBlank(system, ResponseFormatEncoder.systemInstruction(request.responseFormat()));
        return system.toString();
    }

    private ArrayNode messages(ProviderRequest request, ExtendedThinking thinking) {
        AlternatingTurns turns = new AlternatingTurns();
        for (Message message : request.messages()) {
            switch (message.role()) {
                case SYSTEM -> {
                    // part of the system prompt
                }
                case USER -> turns.add("user", blocks.user(message));
                case ASSISTANT -> turns.add("assistant", thinking.replay(message, blocks.assistant(message)));
                case TOOL -> turns.add("user", List.of(blocks.toolResult(message)));
            }
        }
        return turns.toJson();
    }

    private static ObjectNode toolChoice(ToolChoice choice) {
        ObjectNode node = JSON.createObjectNode();
        return switch (choice.mode()) {
            case AUTO -> node.put("type", "auto");
            case REQUIRED -> node.put("type", "any");
            case NONE -> node.put("type", "none");
            case TOOL -> node.put("type", "tool").put("name", choice.toolName());
        };
    }

    private static void addNonBlank(StringJoiner joiner, String text) {
        if (text != null && !text.isBlank()) {
            joiner.add(text);
        }
    }
}
