/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pack;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapper for pack documents and JSON-valued variables. It bounds what a hostile document can cost (size,
 * nesting depth) and rejects duplicate keys and trailing content. Binding is lenient where the schema is the judge:
 * unknown properties are ignored and a missing required flag or number reads as {@code false} or {@code 0}, which
 * only matters when schema validation is skipped.
 */
final class PackJson {

    /** The largest pack document accepted, in bytes. */
    static final int MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

    /** The deepest nesting of objects and arrays accepted. */
    static final int MAX_NESTING_DEPTH = 100;

    static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxDocumentLength(MAX_DOCUMENT_BYTES)
                            .maxNestingDepth(MAX_NESTING_DEPTH)
                            .build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private PackJson() {
    }
}
