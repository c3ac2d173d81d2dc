/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import java.util.HashMap;
import java.util.Map;

/** What is stored beside a conversation's messages: its pack id, prompt name and variables. */
final class StoredMetadata {

    /** Stored-metadata key of the conversation's prompt name. */
    static final String PROMPT_KEY = "prompt";
    /** Stored-metadata key of the conversation's pack id. */
    static final String PACK_KEY = "pack";
    private static final String VARIABLE_KEY_PREFIX = "var.";

    private StoredMetadata() {
    }

    static Map<String, String> of(String packId, String promptName, Map<String, String> variables) {
        Map<String, String> metadata = new HashMap<>();
        metadata.put(PACK_KEY, packId);
        metadata.put(PROMPT_KEY, promptName);
        variables.forEach((name, value) -> metadata.put(VARIABLE_KEY_PREFIX + name, value));
        return metadata;
    }

    /** The variables recorded in {@code metadata}. */
    static Map<String, String> variables(Map<String, String> metadata) {
        Map<String, String> values = new HashMap<>();
        metadata.forEach((key, value) -> {
            if (key.startsWith(VARIABLE_KEY_PREFIX)) {
                values.put(key.substring(VARIABLE_KEY_PREFIX.length()), value);
            }
        });
        return values;
    }
}
