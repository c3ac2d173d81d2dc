/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.eval;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A judge model's structured answer: {@code score} (0 to 1, 1 best) and {@code reasoning}. Parsed leniently about
 * the wrapping (a code fence or words around the JSON object) and strictly about the content.
 */
record JudgeVerdict(double score, String reasoning) {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final int SHOWN_CHARACTERS = 300;

    /** The JSON schema the judge is asked to answer with. */
    static ObjectNode schema() {
        ObjectNode schema = JSON.createObjectNode().put("type", "object").put("additionalProperties", false);
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("score").put("type", "number").put("minimum", 0).put("maximum", 1)
                .put("description", "How well the content meets the criteria: 1 fully, 0 not at all");
        properties.putObject("reasoning").put("type", "string").put("description", "Why, in one or two sentences");
        schema.putArray("required").add("score").add("reasoning");
        return schema;
    }

    /**
     * Parses {@code raw}, the judge's answer.
     *
     * @param judge the judge as {@code provider/model}, for the error
     * @throws IllegalStateException naming the judge and quoting its answer when it holds no usable verdict
     */
    static JudgeVerdict parse(String raw, String judge) {
        String text = raw == null ? "" : raw;
        int start = text.indexOf('{');
        int end = text.lastIndexOf('}');
        if (start < 0 || end < start) {
            throw bad(judge, "no JSON object", text);
        }
        JsonNode node;
        try {
            node = JSON.readTree(text.substring(start, end + 1));
        }
        catch (JacksonException ex) {
            throw bad(judge, "invalid JSON (" + ex.getOriginalMessage() + ")", text);
        }
        JsonNode score = node.get("score");
        if (score == null || !score.isNumber()) {
            throw bad(judge, "no numeric 'score'", text);
        }
        double value = score.asDouble();
        if (value < 0 || value > 1 || Double.isNaN(value)) {
            throw bad(judge, "'score' " + value + " outside 0 to 1", text);
        }
        JsonNode reasoning = node.get("reasoning");
        return new JudgeVerdict(value, reasoning != null && reasoning.isString() ? reasoning.asString() : null);
    }

    private static IllegalStateException bad(String judge, String problem, String raw) {
        String shown = raw.length() > SHOWN_CHARACTERS ? raw.substring(0, SHOWN_CHARACTERS) + "..." : raw;
        return new IllegalStateException("The judge " + judge + " answered with " + problem
                + " instead of {\"score\": 0..1, \"reasoning\": \"...\"}: " + shown);
    }
}
