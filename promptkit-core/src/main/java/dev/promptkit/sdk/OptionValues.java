/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The checks and copies the option records share; a failed check names the option. */
final class OptionValues {

    private OptionValues() {
    }

    /** {@code value}, which must not be null or blank. */
    static String text(String value, String option) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(option + " must not be empty");
        }
        return value;
    }

    /** {@code value}, which may be null but not blank. */
    static String optionalText(String value, String option) {
        return value == null ? null : text(value, option);
    }

    /** {@code value}, which must be more than zero. */
    static Duration positive(Duration value, String option) {
        if (Objects.requireNonNull(value, option).isZero() || value.isNegative()) {
            throw new IllegalArgumentException(option + " must be positive, was " + value);
        }
        return value;
    }

    /** {@code value}, which must be at least {@code min}. */
    static int atLeast(int value, int min, String option) {
        if (value < min) {
            throw new IllegalArgumentException(option + " must be at least " + min + ", was " + value);
        }
        return value;
    }

    /** An immutable copy of {@code map}, in its order, with no null or blank key. */
    static <V> Map<String, V> copy(Map<String, V> map, String option) {
        Map<String, V> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(text(key, option + " key"), Objects.requireNonNull(value, option)));
        return java.util.Collections.unmodifiableMap(copy);
    }

    /** {@code map} with {@code key} set to {@code value}. */
    static <V> Map<String, V> plus(Map<String, V> map, String key, V value) {
        Map<String, V> more = new LinkedHashMap<>(map);
        more.put(key, value);
        return more;
    }

    /** {@code list} with {@code element} added at the end. */
    static <T> List<T> plus(List<T> list, T element) {
        List<T> more = new ArrayList<>(list);
        more.add(element);
        return more;
    }

    /** {@code set} with {@code elements} added. */
    static Set<String> plus(Set<String> set, String... elements) {
        Set<String> more = new LinkedHashSet<>(set);
        more.addAll(List.of(elements));
        return more;
    }
}
