/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.validation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The {@code params} of one pack validator, read by a {@link ValidatorFactory}. Each getter takes a param's
 * name and its aliases (a pack may give any one of them, never two), checks the value's type, and throws
 * {@link IllegalArgumentException} naming the param when the value is unusable. It also records which names
 * were asked for, so that the registry can reject params nobody reads.
 *
 * @since 0.1.0
 */
public final class ValidatorParams {

    private final Map<String, Object> values;
    private final Set<String> read = new LinkedHashSet<>();

    public ValidatorParams(Map<String, Object> values) {
        this.values = values == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The value given under {@code names} (a param and its aliases), if any. */
    public Optional<Object> value(String... names) {
        String given = null;
        for (String name : names) {
            read.add(name);
            if (values.get(name) != null) {
                if (given != null) {
                    throw new IllegalArgumentException("give only one of '" + given + "' and '" + name
                            + "', they are aliases");
                }
                given = name;
            }
        }
        return given == null ? Optional.empty() : Optional.of(values.get(given));
    }

    public Optional<String> string(String... names) {
        return value(names).map(value -> {
            if (!(value instanceof String text) || text.isBlank()) {
                throw new IllegalArgumentException(describe(names) + " must be a non-empty string, got " + value);
            }
            return text;
        });
    }

    public String requiredString(String... names) {
        return string(names).orElseThrow(() -> missing(names));
    }

    /** A whole number (a JSON number without a fraction that fits an {@code int}). */
    public OptionalInt integer(String... names) {
        Optional<Object> value = value(names);
        if (value.isEmpty()) {
            return OptionalInt.empty();
        }
        if (value.get() instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())
                && Math.abs(number.doubleValue()) <= Integer.MAX_VALUE) {
            return OptionalInt.of(number.intValue());
        }
        throw new IllegalArgumentException(describe(names) + " must be a whole number, got " + value.get());
    }

    /** A whole number of at least 1. */
    public OptionalInt positiveInteger(String... names) {
        OptionalInt value = integer(names);
        if (value.isPresent() && value.getAsInt() < 1) {
            throw new IllegalArgumentException(describe(names) + " must be at least 1, got " + value.getAsInt());
        }
        return value;
    }

    public boolean bool(String name, boolean defaultValue) {
        Object value = value(name).orElse(defaultValue);
        if (value instanceof Boolean flag) {
            return flag;
        }
        throw new IllegalArgumentException("'" + name + "' must be true or false, got " + value);
    }

    /** A non-empty list of non-empty strings. */
    public List<String> requiredStrings(String... names) {
        Object value = value(names).orElseThrow(() -> missing(names));
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            throw new IllegalArgumentException(describe(names) + " must be a non-empty list of strings, got " + value);
        }
        List<String> strings = new ArrayList<>(list.size());
        for (Object item : list) {
            if (!(item instanceof String text) || text.isEmpty()) {
                throw new IllegalArgumentException(describe(names) + " must hold only non-empty strings, got " + item);
            }
            strings.add(text);
        }
        return List.copyOf(strings);
    }

    /** A JSON object. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> requiredObject(String... names) {
        Object value = value(names).orElseThrow(() -> missing(names));
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new IllegalArgumentException(describe(names) + " must be a JSON object, got " + value);
    }

    /** Every param as given, all counted as read (for a type that accepts any params). */
    public Map<String, Object> asMap() {
        read.addAll(values.keySet());
        return values;
    }

    /** The params given that no getter asked for. */
    /** The params given that no factory read: unknown ones, reported as such. */
    public Set<String> unread() {
        Set<String> unread = new LinkedHashSet<>(values.keySet());
        unread.removeAll(read);
        return unread;
    }

    /** Every name a getter asked for, aliases included. */
    /** The names read so far (the accepted params and their aliases). */
    public Set<String> read() {
        return Collections.unmodifiableSet(read);
    }

    private static IllegalArgumentException missing(String... names) {
        return new IllegalArgumentException("needs " + describe(names));
    }

    private static String describe(String... names) {
        return names.length == 1 ? "'" + names[0] + "'"
                : "'" + names[0] + "' (or " + String.join(", ", List.of(names).subList(1, names.length)) + ")";
    }
}
