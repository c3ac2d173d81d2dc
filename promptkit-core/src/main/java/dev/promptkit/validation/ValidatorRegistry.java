/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.validation;

import dev.promptkit.pack.Pack;
import dev.promptkit.pack.PackException;
import dev.promptkit.pack.Prompt;
import dev.promptkit.pack.ValidatorDef;
import dev.promptkit.tokens.CharacterRatioTokenCounter;
import dev.promptkit.tokens.TokenCounter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validator types by the names packs use: the built-in ones, those of every {@link ValidatorLibrary} on the
 * class path, and those {@link #register registered} here. {@link #compile} turns a prompt's
 * {@code validators[]} into {@link PromptValidator}s when a conversation opens, so that an unknown type or
 * unusable params fail then, not mid-conversation. Thread-safe.
 *
 * <p>Built-in types (aliases after a slash): {@code banned_words}, {@code content_excludes}/{@code
 * content_not_includes} (substring matching by default), {@code max_length}/{@code length}, {@code min_length},
 * {@code max_sentences}/{@code sentence_count}, {@code required_fields}/{@code field_presence}, {@code regex}/{@code
 * regex_match}/{@code content_matches}, {@code json_valid}/{@code valid_json}/{@code is_valid_json},
 * {@code json_schema}, {@code contains}/{@code content_includes}, {@code contains_any}/{@code content_includes_any};
 * and, through {@link ServiceLoader}, the eval handlers that judge a text ({@code pii_leakage}, ...) as guardrails. Every type also accepts {@code params.direction} ({@code input},
 * {@code output}, {@code both}) and {@code params.message} (used when the validator has no {@code message}).
 *
 * @since 0.1.0
 */
public final class ValidatorRegistry {

    private final Map<String, ValidatorFactory> factories = new ConcurrentHashMap<>();

    private ValidatorRegistry() {
    }

    /**
     * A new registry with the built-in types ({@code max_tokens} estimated by a {@link CharacterRatioTokenCounter})
     * and those of every {@link ValidatorLibrary} that {@link ServiceLoader} finds.
     */
    public static ValidatorRegistry standard() {
        return standard(new CharacterRatioTokenCounter());
    }

    /** A new registry like {@link #standard()}, counting {@code max_tokens} with {@code tokens}. */
    public static ValidatorRegistry standard(TokenCounter tokens) {
        ValidatorRegistry registry = new ValidatorRegistry();
        registry.registerAll(new BuiltInValidators(tokens));
        ServiceLoader.load(ValidatorLibrary.class).forEach(registry::registerAll);
        return registry;
    }

    /** Adds a type, or replaces the factory of a type already known. */
    public ValidatorRegistry register(String type, ValidatorFactory factory) {
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("A validator type must not be empty");
        }
        factories.put(type, Objects.requireNonNull(factory, "factory"));
        return this;
    }

    /** Adds every type of {@code library}. */
    public ValidatorRegistry registerAll(ValidatorLibrary library) {
        library.validators().forEach(this::register);
        return this;
    }

    /** The known type names, sorted. */
    public Set<String> types() {
        return new TreeSet<>(factories.keySet());
    }

    /**
     * A validator of {@code type} made from {@code params}, as a pack would declare it (without the common
     * {@code direction} and {@code message} params).
     *
     * @throws IllegalArgumentException when the type is unknown or the params are unusable
     */
    public Validator create(String type, Map<String, Object> params) {
        ValidatorFactory factory = factories.get(type);
        if (factory == null) {
            throw new IllegalArgumentException(unknownType(type));
        }
        return create(type, factory, new ValidatorParams(params));
    }

    /**
     * The enabled validators of prompt {@code promptName}, in pack order.
     *
     * @throws PackException naming the pack (by id: a {@link Pack} does not know its source file) and listing,
     *     by JSON pointer, every validator of an unknown type or with unusable params
     * @throws IllegalArgumentException when the pack has no such prompt
     */
    public List<PromptValidator> compile(Pack pack, String promptName) {
        Prompt prompt = pack.prompt(promptName).orElseThrow(() -> new IllegalArgumentException(
                "Pack " + pack.id() + " has no prompt '" + promptName + "'"));
        List<PromptValidator> compiled = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < prompt.validators().size(); i++) {
            ValidatorDef definition = prompt.validators().get(i);
            String pointer = "/prompts/" + escape(promptName) + "/validators/" + i;
            if (!definition.enabled()) {
                continue;
            }
            ValidatorFactory factory = definition.type() == null ? null : factories.get(definition.type());
            if (factory == null) {
                problems.add(pointer + ": " + unknownType(definition.type()));
                continue;
            }
            try {
                compiled.add(compile(definition, factory, pointer));
            }
            catch (IllegalArgumentException ex) {
                problems.add(pointer + " (" + definition.type() + "): " + ex.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new PackException(pack.id(), "prompt '" + promptName + "' has validators that cannot run", problems,
                    null);
        }
        return List.copyOf(compiled);
    }

    private static PromptValidator compile(ValidatorDef definition, ValidatorFactory factory, String pointer) {
        String type = definition.type();
        ValidatorParams params = new ValidatorParams(definition.params());
        PromptValidator.Direction direction = params.string("direction").map(PromptValidator.Direction::parse)
                .orElse(PromptValidator.Direction.OUTPUT);
        String message = definition.message() != null ? definition.message() : params.string("message").orElse(null);
        Validator validator = create(type, factory, params);
        return new PromptValidator(type, validator, direction, definition.failOnViolation(), message, pointer);
    }

    private static Validator create(String type, ValidatorFactory factory, ValidatorParams params) {
        Validator validator = factory.create(params);
        Set<String> unknown = params.unread();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown params " + unknown + "; accepted: "
                    + new TreeSet<>(params.read()));
        }
        return Objects.requireNonNull(validator, () -> "The factory of validator type '" + type + "' returned null");
    }

    private String unknownType(String type) {
        return (type == null ? "the validator has no type" : "unknown validator type '" + type + "'")
                + "; known types: " + String.join(", ", types());
    }

    /** A JSON pointer token (RFC 6901). */
    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
