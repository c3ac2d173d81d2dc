/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import dev.promptkit.eval.EvalResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A live eval's result as stored beside its turn, in the conversation's metadata under
 * {@code eval.<turn>.<evalId>} (a small JSON object); read them with {@link Conversation#evalResults()}.
 *
 * @param turn the version of the stored history the judged turn made ({@code ConversationState.version()} right
 *     after it), or 0 for an eval of the whole conversation when it ended
 * @param promptName the prompt the conversation ran
 * @param trigger the eval's trigger
 * @param result the eval's id, type, score, outcome and message
 *
 * @since 0.1.0
 */
public record StoredEvalResult(long turn, String promptName, String trigger, EvalResult result) {

    static final String KEY_PREFIX = "eval.";
    private static final JsonMapper JSON = JsonMapper.shared();

    /** The metadata key this result is stored under. */
    String key() {
        return KEY_PREFIX + turn + "." + result.evalId();
    }

    /** The metadata value: this result as JSON. */
    String json() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("prompt", promptName);
        fields.put("trigger", trigger);
        fields.put("type", result.type());
        fields.put("score", result.score());
        fields.put("outcome", result.outcome());
        fields.put("message", result.message());
        return JSON.writeValueAsString(fields);
    }

    /** The results stored in {@code metadata}, by turn then eval id; entries that are not results are left out. */
    static List<StoredEvalResult> readAll(Map<String, String> metadata) {
        List<StoredEvalResult> results = new ArrayList<>();
        metadata.forEach((key, value) -> {
            if (key.startsWith(KEY_PREFIX)) {
                read(key.substring(KEY_PREFIX.length()), value, results);
            }
        });
        results.sort(Comparator.comparingLong(StoredEvalResult::turn)
                .thenComparing(stored -> stored.result().evalId()));
        return results;
    }

    private static void read(String turnAndId, String value, List<StoredEvalResult> into) {
        int dot = turnAndId.indexOf('.');
        if (dot < 1) {
            return;
        }
        try {
            long turn = Long.parseLong(turnAndId.substring(0, dot));
            JsonNode node = JSON.readTree(value);
            String outcome = node.path("outcome").asString();
            String message = node.path("message").isNull() ? null : node.path("message").asString(null);
            into.add(new StoredEvalResult(turn, node.path("prompt").asString(null), node.path("trigger").asString(null),
                    new EvalResult(turnAndId.substring(dot + 1), node.path("type").asString(null),
                            node.path("score").asDouble(), "passed".equals(outcome), message,
                            "error".equals(outcome))));
        }
        catch (NumberFormatException | JacksonException ex) {
            // another library's "eval." key: not a stored result
        }
    }
}
