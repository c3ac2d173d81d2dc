/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.ollama;

import dev.promptkit.provider.ProviderException;
import dev.promptkit.provider.ProviderRequest;
import dev.promptkit.provider.http.ChatCompletionsShape;
import dev.promptkit.provider.http.MediaSupport;
import dev.promptkit.provider.http.ParameterFields;
import dev.promptkit.types.ContentPart;
import dev.promptkit.types.Message;
import dev.promptkit.types.ResponseFormat;
import dev.promptkit.types.ToolCall;
import dev.promptkit.types.ToolChoice;
import java.util.StringJoiner;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a {@link ProviderRequest} as a streaming {@code /api/chat} request body: the system prompt as a
 * leading {@code system} message, then the conversation (images as base64 {@code images}, assistant
 * tool calls as {@code tool_calls} with object arguments, tool results as {@code tool} messages naming
 * the tool and the call), the tools, the {@code format} and the sampling {@code options}. Ollama takes no audio,
 * video or documents and no image by URL: such parts are refused by {@link MediaSupport} before anything is sent.
 *
 * <p>Ollama takes one string of content per message, so a message's text parts are joined to its
 * content with line breaks. It has no tool choice: {@link ToolChoice#NONE} leaves the tools out, any
 * other choice offers them all and leaves the call to the model. Tool-call arguments that are not a
 * JSON object (invalid JSON another provider produced) are sent as an empty object, as Ollama accepts
 * nothing else. A JSON schema's name and strictness have no Ollama equivalent and are not sent.
 */
final class OllamaChatRequestEncoder {

    private static final ParameterFields OPTIONS = ParameterFields.builder().temperature("temperature").topP("top_p")
            .topK("top_k").seed("seed").maxTokens("num_predict").frequencyPenalty("frequency_penalty")
            .presencePenalty("presence_penalty").build();

    private final String provider;

    OllamaChatRequestEncoder(String provider) {
        this.provider = provider;
    }

    ObjectNode encode(ProviderRequest request, String model) {
        MediaSupport.check(provider, model, request.messages(), OllamaChatRequestEncoder::refusal);
        ObjectNode body = ChatCompletionsShape.body(model, request, this::message);
        if (!request.tools().isEmpty() && request.toolChoice().mode() != ToolChoice.Mode.NONE) {
            ArrayNode tools = body.putArray("tools");
            request.tools().forEach(tool -> tools.add(ChatCompletionsShape.tool(tool)));
        }
        body.put("stream", true);
        format(body, request.responseFormat());
        ObjectNode options = JsonMapper.shared().createObjectNode();
        OPTIONS.write(request.parameters(), options);
        if (!options.isEmpty()) {
            body.set("options", options);
        }
        return body;
    }

    private ObjectNode message(Message message) {
        ObjectNode node = JsonMapper.shared().createObjectNode();
        switch (message.role()) {
            case SYSTEM -> node.put("role", "system").put("content", text(message));
            case USER -> {
                node.put("role", "user").put("content", text(message));
                if (message.hasMedia()) {
                    node.set("images", images(message));
                }
            }
            case ASSISTANT -> {
                node.put("role", "assistant").put("content", text(message));
                if (message.hasToolCalls()) {
                    ArrayNode calls = node.putArray("tool_calls");
                    message.toolCalls().forEach(call -> calls.add(toolCall(call)));
                }
            }
            case TOOL -> {
                if (message.toolResult() == null) {
                    throw ProviderException.unsupported(provider, "a tool message needs the tool_result it answers");
                }
                node.put("role", "tool").put("content", message.toolResult().contentForModel())
                        .put("tool_name", message.toolResult().name());
                if (message.toolResult().id() != null) {
                    node.put("tool_call_id", message.toolResult().id());
                }
            }
        }
        return node;
    }

    private static String text(Message message) {
        StringJoiner text = new StringJoiner("\n");
        if (message.content() != null && !message.content().isEmpty()) {
            text.add(message.content());
        }
        for (ContentPart part : message.parts()) {
            if (part.isText() && part.text() != null && !part.text().isEmpty()) {
                text.add(part.text());
            }
        }
        return text.toString();
    }

    private static ArrayNode images(Message message) {
        ArrayNode images = JsonMapper.shared().createArrayNode();
        message.parts().stream().filter(part -> part.type() == ContentPart.Type.IMAGE)
                .forEach(part -> images.add(part.media().data()));
        return images;
    }

    /** Ollama takes images only, and only inline: it fetches no URL and knows no uploaded file. */
    private static String refusal(ContentPart part) {
        if (part.type() != ContentPart.Type.IMAGE) {
            return "Ollama takes images only (no audio, video or documents); send images or text";
        }
        return MediaSupport.isInline(part) ? null : "Ollama takes images as base64 data only, not as a URL or a"
                + " file id; download the image and pass its bytes instead";
    }

    private static ObjectNode toolCall(ToolCall call) {
        ObjectNode node = JsonMapper.shared().createObjectNode();
        if (call.id() != null) {
            node.put("id", call.id());
        }
        node.putObject("function").put("name", call.name()).set("arguments", call.argumentsObject());
        return node;
    }

    private static void format(ObjectNode body, ResponseFormat format) {
        switch (format.type()) {
            case TEXT -> {
                // text is the default; nothing to send
            }
            case JSON_OBJECT -> body.put("format", "json");
            case JSON_SCHEMA -> body.set("format", format.schema());
        }
    }
}
