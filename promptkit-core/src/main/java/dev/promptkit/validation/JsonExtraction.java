/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.validation;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where the JSON validators look for JSON in a text: the whole text; with {@code allow_wrapped}, the inside of
 * a Markdown code fence (a {@code ```json} or plain {@code ```} block) when there is one; with
 * {@code extract_json}, that too, else the span from the first opening brace or bracket to the last closing
 * one, for JSON inside prose.
 */
record JsonExtraction(boolean fenced, boolean embedded) {

    static final JsonMapper MAPPER = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final Pattern FENCE = Pattern.compile("```(?:json)?[ \\t]*\\R?(.*?)```",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

    static JsonExtraction from(ValidatorParams params) {
        boolean extract = params.bool("extract_json", false);
        return new JsonExtraction(extract || params.bool("allow_wrapped", false), extract);
    }

    /** The JSON value found in {@code text}, or why there is none. */
    Parsed parse(String text) {
        String json = extract(text);
        if (json.isBlank()) {
            return new Parsed(null, "the text is empty");
        }
        try {
            return new Parsed(MAPPER.readTree(json), null);
        }
        catch (JacksonException ex) {
            return new Parsed(null, ex.getOriginalMessage());
        }
    }

    private String extract(String text) {
        if (fenced) {
            Matcher fence = FENCE.matcher(text);
            if (fence.find()) {
                return fence.group(1).trim();
            }
        }
        if (embedded) {
            int start = firstIndexOf(text, '{', '[');
            int end = Math.max(text.lastIndexOf('}'), text.lastIndexOf(']'));
            if (start >= 0 && end > start) {
                return text.substring(start, end + 1);
            }
        }
        return text.trim();
    }

    private static int firstIndexOf(String text, char one, char other) {
        int a = text.indexOf(one);
        int b = text.indexOf(other);
        return a < 0 ? b : b < 0 ? a : Math.min(a, b);
    }

    /** A parsed JSON value, or the parse error. */
    record Parsed(JsonNode json, String error) {

        Verdict invalid() {
            return Verdict.fail("The text is not valid JSON: " + error, Map.of("error", error));
        }
    }
}
