/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.validation;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code banned_words}: fails when the text holds any of {@code words}, ignoring case. By default
 * ({@code match_mode: word_boundary}) only whole words count, so "class" does not match "classic"; with
 * {@code match_mode: substring} any occurrence does. While an answer streams, only the text the new delta can
 * have changed is searched, and a whole-word match counts once the character after it has arrived.
 */
final class BannedWordsValidator implements StreamingValidator {

    static final String WORD_BOUNDARY = "word_boundary";
    static final String SUBSTRING = "substring";

    private static final String WORD_CHARACTER = "[\\p{L}\\p{N}_]";
    private static final String NON_WORD_CHARACTER = "[^\\p{L}\\p{N}_]";
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    private final Map<String, String> wordsByLowerCase = new LinkedHashMap<>();
    private final String matchMode;
    private final Pattern anywhere;
    private final Pattern settled;
    private final int longestWord;

    private BannedWordsValidator(List<String> words, String matchMode) {
        words.forEach(word -> wordsByLowerCase.putIfAbsent(word.toLowerCase(Locale.ROOT), word));
        this.matchMode = matchMode;
        String alternatives = words.stream().sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote).collect(Collectors.joining("|", "(?:", ")"));
        if (WORD_BOUNDARY.equals(matchMode)) {
            String start = "(?<!" + WORD_CHARACTER + ")" + alternatives;
            this.anywhere = Pattern.compile(start + "(?!" + WORD_CHARACTER + ")", FLAGS);
            this.settled = Pattern.compile(start + "(?=" + NON_WORD_CHARACTER + ")", FLAGS);
        }
        else {
            this.anywhere = Pattern.compile(alternatives, FLAGS);
            this.settled = anywhere;
        }
        this.longestWord = words.stream().mapToInt(String::length).max().orElse(0);
    }

    /** @param defaultMode the match mode without {@code match_mode}: the type's own default */
    static BannedWordsValidator create(ValidatorParams params, String defaultMode) {
        List<String> words = params.requiredStrings("words", "patterns");
        String matchMode = params.string("match_mode").orElse(defaultMode);
        if (!WORD_BOUNDARY.equals(matchMode) && !SUBSTRING.equals(matchMode)) {
            throw new IllegalArgumentException("'match_mode' must be " + WORD_BOUNDARY + " or " + SUBSTRING
                    + ", got " + matchMode);
        }
        return new BannedWordsValidator(words, matchMode);
    }

    @Override
    public Verdict validate(String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher matcher = anywhere.matcher(text);
        while (matcher.find()) {
            found.add(configured(matcher.group()));
        }
        return found.isEmpty() ? Verdict.PASS : violation(List.copyOf(found));
    }

    @Override
    public Verdict validatePartial(CharSequence text, int deltaStart) {
        int from = Math.max(0, deltaStart - longestWord);
        Matcher matcher = settled.matcher(text).region(from, text.length())
                .useTransparentBounds(true).useAnchoringBounds(false);
        return matcher.find() ? violation(List.of(configured(matcher.group()))) : Verdict.PASS;
    }

    private String configured(String match) {
        return wordsByLowerCase.getOrDefault(match.toLowerCase(Locale.ROOT), match);
    }

    private Verdict violation(List<String> found) {
        return Verdict.fail("The text contains banned words: " + String.join(", ", found),
                Map.of("found", found, "match_mode", matchMode));
    }
}
