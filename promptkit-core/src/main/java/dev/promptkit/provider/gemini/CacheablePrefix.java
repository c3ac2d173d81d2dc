/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.gemini;

import dev.promptkit.tokens.CharacterRatioTokenCounter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The part of a {@code GenerateContentRequest} a {@code cachedContents} resource holds: {@code systemInstruction},
 * {@code tools} and {@code toolConfig}. The API refuses a request naming a {@code cachedContent} that also carries
 * any of them, so {@link #referencing} takes them out of the request it returns.
 */
final class CacheablePrefix {

    private static final String SYSTEM = "systemInstruction";
    private static final String TOOLS = "tools";
    private static final String TOOL_CONFIG = "toolConfig";
    private static final CharacterRatioTokenCounter ESTIMATE = new CharacterRatioTokenCounter();

    private final ObjectNode system;
    private final ObjectNode tools;

    private CacheablePrefix(ObjectNode system, ObjectNode tools) {
        this.system = system;
        this.tools = tools;
    }

    /** The cacheable fields of a request body (the body is not changed). */
    static CacheablePrefix of(ObjectNode body) {
        ObjectNode system = JsonMapper.shared().createObjectNode();
        ObjectNode tools = JsonMapper.shared().createObjectNode();
        if (body.has(SYSTEM)) {
            system.set(SYSTEM, body.get(SYSTEM));
        }
        for (String field : new String[] {TOOLS, TOOL_CONFIG}) {
            if (body.has(field)) {
                tools.set(field, body.get(field));
            }
        }
        return new CacheablePrefix(system, tools);
    }

    /** About how many tokens the fields take, at four characters a token. */
    int estimatedTokens() {
        return ESTIMATE.count(system.toString()) + ESTIMATE.count(tools.toString());
    }

    /** What the cache of these fields for {@code model} is found by. */
    CacheKey keyFor(String model) {
        return new CacheKey(model, sha256(system.toString()), sha256(tools.toString()));
    }

    /** The {@code cachedContents.create} body: the model's resource name, these fields and the lifetime. */
    ObjectNode createBody(String modelResource, Duration ttl) {
        ObjectNode body = JsonMapper.shared().createObjectNode().put("model", modelResource);
        body.setAll(system);
        body.setAll(tools);
        return body.put("ttl", ttl.toSeconds() + "s");
    }

    /** A copy of {@code body} that names the cache {@code name} instead of carrying these fields. */
    static ObjectNode referencing(ObjectNode body, String name) {
        ObjectNode copy = body.deepCopy();
        copy.remove(SYSTEM);
        copy.remove(TOOLS);
        copy.remove(TOOL_CONFIG);
        return copy.put("cachedContent", name);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
        }
    }

    /** A cache's identity: the model and the hashes of the system instruction and of the tools with their config. */
    record CacheKey(String model, String systemHash, String toolsHash) {
    }
}
