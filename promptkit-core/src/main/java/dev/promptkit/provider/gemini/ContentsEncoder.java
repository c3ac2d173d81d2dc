/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.gemini;

import dev.promptkit.provider.ProviderException;
import dev.promptkit.provider.http.MediaSource;
import dev.promptkit.provider.http.MediaSupport;
import dev.promptkit.types.ContentPart;
import dev.promptkit.types.Message;
import dev.promptkit.types.Role;
import dev.promptkit.types.ToolCall;
import dev.promptkit.types.ToolResult;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a conversation as Gemini {@code contents}. User messages become {@code user} contents (text, and
 * images, audio, video and documents alike as {@code inlineData} when inline or {@code fileData} when given by a
 * URL, such as a Files API URI); assistant messages become {@code model} contents (text,
 * then one {@code functionCall} part per tool call); tool results become {@code functionResponse} parts
 * of a {@code user} content, the role the API reference gives them (the old {@code function} role is no
 * longer documented). Consecutive messages of one role are merged into one content, so that the answers to
 * parallel calls travel together, as Gemini requires. System messages are left to the system instruction.
 *
 * <p>A {@code functionCall} keeps its {@code id} only when Gemini assigned it (see {@link FunctionCallIds}),
 * and carries its {@code thoughtSignature} as {@link ThoughtSignatures} says.
 */
final class ContentsEncoder {

    private final String provider;

    ContentsEncoder(String provider) {
        this.provider = provider;
    }

    /**
     * Refuses the first media part Gemini does not take: an uploaded file given by id rather than by its URI, or a
     * MIME type of another kind than the part (a PDF or text document, {@code audio/*} audio, ...).
     */
    void checkMedia(String model, List<Message> messages) {
        MediaSupport.check(provider, model, messages, ContentsEncoder::refusal);
    }

    private static String refusal(ContentPart part) {
        if (MediaSupport.isFileId(part)) {
            return "Gemini refers to uploaded files by their URI; pass the file's uri as the part's URL";
        }
        String mimeType = MediaSupport.mimeType(part);
        boolean matches = switch (part.type()) {
            case TEXT -> true;
            case IMAGE, AUDIO, VIDEO -> mimeType.startsWith(part.type().wireName() + "/");
            case DOCUMENT -> mimeType.equals("application/pdf") || mimeType.startsWith("text/");
        };
        String kind = part.type().wireName();
        return matches || mimeType.isEmpty() && MediaSupport.isUrl(part) ? null : "Gemini takes " + kind
                + " parts with a MIME type of " + (part.type() == ContentPart.Type.DOCUMENT
                        ? "application/pdf or text/*" : kind + "/*");
    }

    /**
     * @param signCalls whether the model rejects replayed function calls without a thought signature (Gemini 3
     *        and later)
     */
    ArrayNode encode(List<Message> messages, boolean signCalls) {
        ArrayNode contents = JsonMapper.shared().createArrayNode();
        Map<String, String> callNames = new HashMap<>();
        for (Message message : messages) {
            append(contents, message.role() == Role.ASSISTANT ? "model" : "user", parts(message, callNames, signCalls));
        }
        return contents;
    }

    private ArrayNode parts(Message message, Map<String, String> callNames, boolean signCalls) {
        ArrayNode parts = JsonMapper.shared().createArrayNode();
        switch (message.role()) {
            case USER -> userParts(parts, message);
            case ASSISTANT -> {
                addText(parts, message.text());
                boolean placeholder = ThoughtSignatures.needPlaceholder(message.toolCalls(), signCalls);
                for (ToolCall call : message.toolCalls()) {
                    callNames.put(call.id(), call.name());
                    parts.add(functionCall(call, placeholder));
                }
            }
            case TOOL -> parts.add(functionResponse(message.toolResult(), callNames));
            case SYSTEM -> {
                // part of the system instruction
            }
        }
        return parts;
    }

    private static void append(ArrayNode contents, String role, ArrayNode parts) {
        if (parts.isEmpty()) {
            return;
        }
        JsonNode last = contents.isEmpty() ? null : contents.get(contents.size() - 1);
        if (last != null && role.equals(last.path("role").stringValue(null))) {
            ((ArrayNode) last.get("parts")).addAll(parts);
        }
        else {
            contents.addObject().put("role", role).set("parts", parts);
        }
    }

    private void userParts(ArrayNode parts, Message message) {
        if (message.content() != null) {
            addText(parts, message.content());
        }
        for (ContentPart part : message.parts()) {
            if (part.isText()) {
                addText(parts, part.text());
            }
            else {
                parts.add(media(part));
            }
        }
    }

    private ObjectNode media(ContentPart part) {
        MediaSource source = MediaSource.of(provider, part.type().wireName(), part.media());
        ObjectNode node = JsonMapper.shared().createObjectNode();
        if (source.isUrl()) {
            ObjectNode file = node.putObject("fileData");
            if (source.mimeType() != null) {
                file.put("mimeType", source.mimeType());
            }
            file.put("fileUri", source.url());
        }
        else {
            node.putObject("inlineData").put("mimeType", source.mimeType()).put("data", source.base64());
        }
        return node;
    }

    private static ObjectNode functionCall(ToolCall call, boolean placeholder) {
        ObjectNode part = JsonMapper.shared().createObjectNode();
        ObjectNode function = part.putObject("functionCall");
        if (call.id() != null && !FunctionCallIds.isGenerated(call.id(), call.name())) {
            function.put("id", call.id());
        }
        function.put("name", call.name());
        function.set("args", call.argumentsObject());
        ThoughtSignatures.write(part, call, placeholder);
        return part;
    }

    private ObjectNode functionResponse(ToolResult result, Map<String, String> callNames) {
        if (result == null) {
            throw ProviderException.unsupported(provider, "a tool message needs the tool_result it answers");
        }
        String name = result.name() != null ? result.name() : callNames.get(result.id());
        if (name == null) {
            throw ProviderException.unsupported(provider, "the tool result " + result.id()
                    + " names no tool and answers no earlier call");
        }
        ObjectNode part = JsonMapper.shared().createObjectNode();
        ObjectNode function = part.putObject("functionResponse");
        if (result.id() != null && !FunctionCallIds.isGenerated(result.id(), name)) {
            function.put("id", result.id());
        }
        function.put("name", name);
        function.set("response", response(result));
        return part;
    }

    /**
     * The {@code response} object: a JSON object result as it is, any other result under {@code output},
     * an error under {@code error}, the two keys the API reference names.
     */
    static ObjectNode response(ToolResult result) {
        ObjectNode response = JsonMapper.shared().createObjectNode();
        if (result.isError()) {
            return response.put("error", result.error());
        }
        JsonNode output = parseOrText(result.content() != null ? result.content() : "");
        return output.isObject() ? (ObjectNode) output : response.set("output", output);
    }

    private static JsonNode parseOrText(String content) {
        if (content.isBlank()) {
            return JsonMapper.shared().getNodeFactory().stringNode(content);
        }
        try {
            return JsonMapper.shared().readTree(content);
        }
        catch (RuntimeException notJson) {
            return JsonMapper.shared().getNodeFactory().stringNode(content);
        }
    }

    private static void addText(ArrayNode parts, String text) {
        if (text != null && !text.isEmpty()) {
            parts.addObject().put("text", text);
        }
    }
}
