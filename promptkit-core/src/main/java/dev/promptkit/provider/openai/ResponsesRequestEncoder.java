/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.openai;

import dev.promptkit.provider.ProviderRequest;
import dev.promptkit.provider.http.MediaSupport;
import dev.promptkit.provider.http.ParameterFields;
import dev.promptkit.provider.http.ToolDeclarations;
import dev.promptkit.types.ReasoningSettings;
import dev.promptkit.types.ToolDescriptor;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a {@link ProviderRequest} as a streaming Responses API request body: the {@code model}, the system prompt
 * as {@code instructions}, the conversation as {@code input} items ({@link ResponsesInput}), {@code stream} and
 * {@code store: false} (PromptKit keeps the conversation itself), the tools as top-level {@code function} tools
 * ({@code strict: false}, since the API would otherwise hold every schema to its strict subset) and the tool choice,
 * {@code max_output_tokens}, {@code temperature} and {@code top_p}, the reasoning effort and summary
 * ({@code reasoning: {effort, summary: "auto"}}, only when asked), and the response format as {@code text.format}.
 * For a reasoning model, or when reasoning is asked, {@code include: ["reasoning.encrypted_content"]} has the
 * reasoning items returned encrypted, to be sent back on the next tool round. The API has no {@code seed},
 * frequency or presence penalty and no {@code top_k}: those are not sent.
 */
final class ResponsesRequestEncoder {

    private static final ParameterFields PARAMETERS = ParameterFields.builder().maxTokens("max_output_tokens")
            .temperature("temperature").topP("top_p").build();

    private final String provider;
    private final ResponsesInput input;

    ResponsesRequestEncoder(String provider) {
        this.provider = provider;
        this.input = new ResponsesInput(provider);
    }

    ObjectNode encode(ProviderRequest request, String model) {
        MediaSupport.check(provider, model, request.messages(), ResponsesInput::refusal);
        ObjectNode body = JsonMapper.shared().createObjectNode();
        body.put("model", model);
        if (request.system() != null && !request.system().isBlank()) {
            body.put("instructions", request.system());
        }
        body.set("input", input.items(request.messages()));
        body.put("stream", true);
        body.put("store", false);
        if (!request.tools().isEmpty()) {
            ArrayNode tools = body.putArray("tools");
            for (ToolDescriptor tool : request.tools()) {
                ToolDeclarations.describe(tools.addObject().put("type", "function"), tool, "parameters")
                        .put("strict", false);
            }
            ToolChoiceShape.RESPONSES.write(body, request.toolChoice());
        }
        PARAMETERS.write(request.parameters(), body);
        reasoning(body, request.parameters().reasoning(), model);
        StructuredOutput.responses(body, request.responseFormat());
        return body;
    }

    private static void reasoning(ObjectNode body, ReasoningSettings settings, String model) {
        boolean summaries = Boolean.TRUE.equals(settings.summaries());
        if (settings.effort() != null || summaries) {
            ObjectNode reasoning = body.putObject("reasoning");
            if (settings.effort() != null) {
                reasoning.put("effort", settings.effort());
            }
            if (summaries) {
                reasoning.put("summary", "auto");
            }
        }
        if (body.has("reasoning") || OpenAiModels.reasons(model)) {
            body.putArray("include").add("reasoning.encrypted_content");
        }
    }
}
