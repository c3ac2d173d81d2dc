/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.gemini;

import dev.promptkit.provider.ProviderRequest;
import dev.promptkit.provider.http.ParameterFields;
import dev.promptkit.types.Message;
import dev.promptkit.types.ResponseFormat;
import dev.promptkit.types.Role;
import dev.promptkit.types.ToolChoice;
import dev.promptkit.types.ToolDescriptor;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a {@link ProviderRequest} as a {@code GenerateContentRequest} body: the {@code contents} (see
 * {@link ContentsEncoder}), the system prompt and any system messages as {@code systemInstruction}, the
 * tools as {@code functionDeclarations} with their schemas converted by {@link SchemaConverter}, the tool
 * choice as {@code toolConfig.functionCallingConfig} (auto: {@code AUTO}; required: {@code ANY}; none:
 * {@code NONE}; one tool: {@code ANY} restricted to it) and the sampling parameters and response format as
 * {@code generationConfig}, with the reasoning settings as its {@link ThinkingConfig}. Gemini enforces a response
 * schema whether or not it is marked strict.
 */
final class GenerateContentRequestEncoder {

    private static final Pattern BEFORE_GEMINI_3 = Pattern.compile("(?:.*/)?gemini-[12](?:\\D.*)?");

    private static final String OBJECT = "OBJECT";
    private static final ParameterFields GENERATION = ParameterFields.builder().temperature("temperature")
            .topP("topP").topK("topK").maxTokens("maxOutputTokens").seed("seed").presencePenalty("presencePenalty")
            .frequencyPenalty("frequencyPenalty").build();

    private final ContentsEncoder contents;

    GenerateContentRequestEncoder(String provider) {
        this.contents = new ContentsEncoder(provider);
    }

    ObjectNode encode(ProviderRequest request, String model) {
        ObjectNode body = JsonMapper.shared().createObjectNode();
        contents.checkMedia(model, request.messages());
        body.set("contents", contents.encode(request.messages(), validatesThoughtSignatures(model)));
        systemInstruction(body, request);
        if (!request.tools().isEmpty()) {
            ArrayNode declarations = body.putArray("tools").addObject().putArray("functionDeclarations");
            request.tools().forEach(tool -> declarations.add(declaration(tool)));
            toolConfig(body, request.toolChoice());
        }
        ObjectNode generation = JsonMapper.shared().createObjectNode();
        GENERATION.write(request.parameters(), generation);
        responseFormat(generation, request.responseFormat());
        ThinkingConfig.write(generation, request.parameters().reasoning());
        if (!generation.isEmpty()) {
            body.set("generationConfig", generation);
        }
        return body;
    }

    /**
     * Whether the model may reject replayed function calls without a thought signature: Gemini 3 and later,
     * and so any model not named as a Gemini 1 or 2 (aliases such as {@code gemini-flash-latest} included).
     */
    private static boolean validatesThoughtSignatures(String model) {
        return !BEFORE_GEMINI_3.matcher(model).matches();
    }

    private static void systemInstruction(ObjectNode body, ProviderRequest request) {
        ArrayNode parts = JsonMapper.shared().createArrayNode();
        addText(parts, request.system());
        for (Message message : request.messages()) {
            if (message.role() == Role.SYSTEM) {
                addText(parts, message.text());
            }
        }
        if (!parts.isEmpty()) {
            body.putObject("systemInstruction").set("parts", parts);
        }
    }

    /** A function without parameters declares none: Gemini rejects an object schema without properties. */
    static ObjectNode declaration(ToolDescriptor tool) {
        ObjectNode declaration = JsonMapper.shared().createObjectNode().put("name", tool.name());
        if (tool.description() != null) {
            declaration.put("description", tool.description());
        }
        ObjectNode parameters = tool.inputSchema() == null ? null : SchemaConverter.toGemini(tool.inputSchema());
        if (parameters != null && !(OBJECT.equals(parameters.path("type").asString(""))
                && parameters.path("properties").isEmpty())) {
            declaration.set("parameters", parameters);
        }
        return declaration;
    }

    private static void toolConfig(ObjectNode body, ToolChoice choice) {
        ObjectNode config = body.putObject("toolConfig").putObject("functionCallingConfig");
        switch (choice.mode()) {
            case AUTO -> config.put("mode", "AUTO");
            case REQUIRED -> config.put("mode", "ANY");
            case NONE -> config.put("mode", "NONE");
            case TOOL -> config.put("mode", "ANY").putArray("allowedFunctionNames").add(choice.toolName());
        }
    }

    private static void responseFormat(ObjectNode generation, ResponseFormat format) {
        if (format.type() == ResponseFormat.Type.TEXT) {
            return;
        }
        generation.put("responseMimeType", "application/json");
        if (format.type() == ResponseFormat.Type.JSON_SCHEMA) {
            generation.set("responseSchema", SchemaConverter.toGemini(format.schema()));
        }
    }

    private static void addText(ArrayNode parts, String text) {
        if (text != null && !text.isBlank()) {
            parts.addObject().put("text", text);
        }
    }
}
