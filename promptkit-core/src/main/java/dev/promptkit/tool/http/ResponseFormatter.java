/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool.http;

import dev.promptkit.secret.SecretRedactor;
import dev.promptkit.tool.ToolException;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a response body into what the model sees. A JSON body is redacted, narrowed to the selected
 * part and written compactly, numbers exactly as sent; any other body is passed on as text. In both,
 * every credential sent in a header (see {@link RequestHeaders}) is replaced with {@value #REDACTED}, in any
 * letter case, in case the service echoes it, as is whatever follows {@code Bearer} or a credential header's name.
 */
final class ResponseFormatter {

    static final String REDACTED = SecretRedactor.REDACTED;

    private static final int EXCERPT_CHARS = 200;
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private final List<JsonPointer> redact;
    private final JsonPointer select;

    ResponseFormatter(HttpToolConfig config) {
        this.redact = config.redactPointers();
        this.select = config.selectPointer();
    }

    /** The result text of a successful call, {@code secrets} masked. */
    String format(String tool, String body, SecretRedactor secrets) {
        JsonNode json = parse(body);
        if (json == null) {
            if (select != null) {
                throw new ToolException(tool, "the response is not JSON, so " + select + " cannot be selected");
            }
            return secrets.redact(body);
        }
        JsonNode selected = select == null ? redacted(json) : redacted(json).at(select);
        if (selected.isMissingNode()) {
            throw new ToolException(tool, "the response has nothing at " + select);
        }
        return secrets.redact(JSON.writeValueAsString(selected));
    }

    /** The start of an error body, redacted and {@code secrets} masked, on one line. */
    String excerpt(String body, SecretRedactor secrets) {
        JsonNode json = parse(body);
        String text = json == null ? body : JSON.writeValueAsString(redacted(json));
        String line = secrets.redact(text).strip().replaceAll("\\s+", " ");
        return line.length() > EXCERPT_CHARS ? line.substring(0, EXCERPT_CHARS) + "..." : line;
    }

    private static JsonNode parse(String body) {
        if (body.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        }
        catch (JacksonException notJson) {
            return null;
        }
    }

    private JsonNode redacted(JsonNode json) {
        for (JsonPointer pointer : redact) {
            JsonNode parent = json.at(pointer.head());
            JsonPointer field = pointer.last();
            if (parent instanceof ObjectNode object && object.has(field.getMatchingProperty())) {
                object.put(field.getMatchingProperty(), REDACTED);
            }
            else if (parent instanceof ArrayNode array && field.mayMatchElement()
                    && field.getMatchingIndex() < array.size()) {
                array.set(field.getMatchingIndex(), REDACTED);
            }
        }
        return json;
    }
}
