/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.http;

import dev.promptkit.provider.ProviderException;
import tools.jackson.databind.JsonNode;

/** Reads an embedding, a JSON array of numbers, as a vector. */
final class Vectors {

    private Vectors() {
    }

    /** The vector; a {@link ProviderException} of {@code provider} unless the node is a non-empty array of numbers. */
    static float[] of(JsonNode numbers, String provider) {
        if (!numbers.isArray() || numbers.isEmpty()) {
            throw new ProviderException(provider, 200,
                    "the response holds an embedding that is not an array of numbers");
        }
        float[] vector = new float[numbers.size()];
        for (int i = 0; i < vector.length; i++) {
            JsonNode number = numbers.get(i);
            if (!number.isNumber()) {
                throw new ProviderException(provider, 200, "the response holds an embedding with a non-number: "
                        + number);
            }
            vector[i] = number.floatValue();
        }
        return vector;
    }
}
