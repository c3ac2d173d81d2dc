/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pack;

import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.node.ObjectNode;

/**
 * Parses the bytes of a pack document into a JSON object, turning every way that can fail into a
 * {@link PackException}.
 */
final class PackReader {

    /** Reads one value and leaves what follows to {@link #parse}, which reports it with its own message. */
    private static final ObjectReader SINGLE_VALUE = PackJson.MAPPER.reader()
            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private PackReader() {
    }

    static ObjectNode parse(byte[] document, String source) {
        if (isBlank(document)) {
            throw new PackException(source, "the document is empty");
        }
        JsonNode root;
        try (JsonParser parser = SINGLE_VALUE.createParser(document)) {
            root = SINGLE_VALUE.readTree(parser);
            if (parser.nextToken() != null) {
                throw new PackException(source, "malformed JSON" + at(parser.currentTokenLocation())
                        + ": unexpected content after the end of the document");
            }
        }
        catch (StreamConstraintsException ex) {
            throw new PackException(source, "the document exceeds a parser limit: " + ex.getOriginalMessage(), ex);
        }
        catch (JacksonException ex) {
            throw new PackException(source, "malformed JSON" + at(ex.getLocation()) + ": " + describe(ex), ex);
        }
        if (!(root instanceof ObjectNode object)) {
            throw new PackException(source, "the document must be a JSON object, not " + article(root));
        }
        return object;
    }

    private static boolean isBlank(byte[] document) {
        for (byte b : document) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private static String at(TokenStreamLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** Jackson's own description, without the source-location suffix it appends (the line and column say it better). */
    private static String describe(JacksonException ex) {
        String message = String.valueOf(ex.getOriginalMessage());
        int marker = message.indexOf(" (start marker at");
        return marker < 0 ? message : message.substring(0, marker);
    }

    private static String article(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> node.getNodeType().toString().toLowerCase(Locale.ROOT);
        };
    }
}
