/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.mock;

import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonPointer;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A YAML text read into a tree that remembers its source, so that an error about any node can name the
 * source, the node's path and its line and column.
 */
final class YamlDocument {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final String source;
    private final String text;
    private final JsonNode root;

    private YamlDocument(String source, String text, JsonNode root) {
        this.source = source;
        this.text = text;
        this.root = root == null ? MissingNode.getInstance() : root;
    }

    /** Parses {@code text}; malformed YAML fails with the line and column the parser stopped at. */
    static YamlDocument read(String text, String source) {
        try {
            return new YamlDocument(source, text, YAML.readTree(text));
        }
        catch (JacksonException malformed) {
            throw new MockScriptException(source, describe(malformed.getLocation()).orElse(null),
                    malformed.getOriginalMessage(), malformed);
        }
    }

    YamlNode root() {
        return new YamlNode(this, root, JsonPointer.empty(), "");
    }

    /** An exception about {@code node}, located by its path and, when it is present in the text, its line. */
    MockScriptException error(YamlNode node, String problem) {
        String path = node.path().isEmpty() ? "the top level" : node.path();
        String where = locate(node.pointer()).map(line -> path + " (" + line + ")").orElse(path);
        return new MockScriptException(source, where, problem, null);
    }

    private Optional<String> locate(JsonPointer pointer) {
        try (JsonParser parser = YAML.createParser(text)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (parser.streamReadContext().pathAsPointer().equals(pointer)) {
                    return describe(parser.currentTokenLocation());
                }
            }
            return Optional.empty();
        }
    }

    private static Optional<String> describe(TokenStreamLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return Optional.empty();
        }
        return Optional.of("line " + location.getLineNr() + ", column " + location.getColumnNr());
    }
}
