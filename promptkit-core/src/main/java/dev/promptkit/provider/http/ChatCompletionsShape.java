/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.http;

import dev.promptkit.provider.ProviderRequest;
import dev.promptkit.types.Message;
import dev.promptkit.types.ToolDescriptor;
import java.util.function.Function;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The parts of OpenAI's Chat Completions request that Ollama's {@code /api/chat} takes in the same shape.
 *
 * @since 0.1.0
 */
public final class ChatCompletionsShape {

    private ChatCompletionsShape() {
    }

    /**
     * A request body holding the {@code model} and the {@code messages}: the system prompt, when there is one,
     * as a leading {@code system} message, then each message of the conversation as {@code message} writes it.
     */
    public static ObjectNode body(String model, ProviderRequest request, Function<Message, ObjectNode> message) {
        ObjectNode body = JsonMapper.shared().createObjectNode();
        body.put("model", model);
        ArrayNode messages = body.putArray("messages");
        if (request.system() != null && !request.system().isBlank()) {
            messages.addObject().put("role", "system").put("content", request.system());
        }
        request.messages().forEach(each -> messages.add(message.apply(each)));
        return body;
    }

    /** A tool as {@code {"type": "function", "function": {"name", "description", "parameters"}}}. */
    public static ObjectNode tool(ToolDescriptor tool) {
        ObjectNode node = JsonMapper.shared().createObjectNode().put("type", "function");
        ToolDeclarations.describe(node.putObject("function"), tool, "parameters");
        return node;
    }
}
