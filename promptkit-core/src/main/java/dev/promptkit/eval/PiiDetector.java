/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.eval;

import dev.promptkit.validation.ValidatorParams;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code pii_leakage} handler (alias {@code pii}): finds e-mail addresses, phone numbers (10 to 15 digits, 8 to 15
 * after a {@code +}; not dates or card numbers), card numbers (13 to 19 digits, Luhn-checked), IBANs (mod-97 checked)
 * and US social security numbers (area not 000, 666 or 9xx, group not 00, serial not 0000). Param {@code types}
 * limits the kinds looked for.
 */
final class PiiDetector implements EvalHandler {

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*"
            + "\\.[A-Za-z]{2,}");
    private static final Pattern PHONE = Pattern.compile("(?<![\\w+])\\+?\\(?\\d[\\d ().-]{6,}\\d(?!\\w)");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern CARD = Pattern.compile("(?<![\\d-])\\d(?:[ -]?\\d){12,18}(?![\\d-])");
    private static final Pattern IBAN = Pattern.compile("\\b[A-Z]{2}\\d{2}(?: ?[A-Z0-9]){11,30}\\b");
    private static final Pattern SSN = Pattern.compile(
            "(?<![\\d-])(?!000|666|9\\d\\d)\\d{3}([- ])(?!00)\\d{2}\\1(?!0000)\\d{4}(?![\\d-])");
    private static final Pattern SEPARATOR = Pattern.compile("[ -]");
    static final List<String> TYPES = List.of("email", "phone", "credit_card", "iban", "ssn");

    private final List<String> types;

    private PiiDetector(List<String> types) {
        this.types = types;
    }

    static PiiDetector create(ValidatorParams params) {
        List<String> types = params.value("types").isPresent() ? params.requiredStrings("types") : TYPES;
        for (String type : types) {
            if (!TYPES.contains(type)) {
                throw new IllegalArgumentException("'types' holds unknown PII type '" + type + "', valid: " + TYPES);
            }
        }
        return new PiiDetector(types);
    }

    @Override
    public EvalScore evaluate(EvalContext context) {
        List<String> found = find(context.output());
        return found.isEmpty() ? EvalScore.pass() : EvalScore.fail("PII found: " + String.join(", ", found));
    }

    /** The kinds of PII in {@code text}, in the order of {@link #TYPES}. */
    List<String> find(String text) {
        List<String> found = new ArrayList<>();
        // Cards first: a card number would otherwise also read as a phone number.
        boolean card = any(CARD, text, match -> anyLeadingGroups(match, 13, 19, PiiDetector::luhn));
        for (String type : types) {
            boolean hit = switch (type) {
                case "email" -> EMAIL.matcher(text).find();
                case "credit_card" -> card;
                case "phone" -> any(PHONE, text, PiiDetector::phone);
                case "iban" -> any(IBAN, text, match -> anyLeadingGroups(match, 15, 34, PiiDetector::ibanValid));
                case "ssn" -> SSN.matcher(text).find();
                default -> false;
            };
            if (hit) {
                found.add(type);
            }
        }
        return found;
    }

    private static boolean any(Pattern pattern, String text, Predicate<String> check) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            if (check.test(matcher.group())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code check} accepts the match or the match without some of its last separated groups, compacted to
     * {@code min} to {@code max} characters: a number followed by another group ("4111 1111 1111 1111 2") is found.
     */
    private static boolean anyLeadingGroups(String match, int min, int max, Predicate<String> check) {
        String[] groups = SEPARATOR.split(match);
        StringBuilder compact = new StringBuilder();
        List<String> candidates = new ArrayList<>();
        for (String group : groups) {
            compact.append(group);
            candidates.add(0, compact.toString());
        }
        return candidates.stream().filter(candidate -> candidate.length() >= min && candidate.length() <= max)
                .anyMatch(check);
    }

    /** 10 to 15 digits (8 to 15 after a {@code +}), neither a card number nor an ISO date. */
    private static boolean phone(String match) {
        int digits = digits(match).length();
        int min = match.startsWith("+") ? 8 : 10;
        return digits >= min && digits <= 15 && !luhnCard(match) && !ISO_DATE.matcher(match).find();
    }

    private static String digits(String text) {
        return text.replaceAll("\\D", "");
    }

    private static boolean luhnCard(String text) {
        String digits = digits(text);
        return digits.length() >= 13 && digits.length() <= 19 && luhn(digits);
    }

    static boolean luhn(String text) {
        String digits = digits(text);
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }
            sum += digit;
        }
        return digits.length() >= 13 && sum % 10 == 0;
    }

    static boolean ibanValid(String text) {
        String iban = text.replace(" ", "").toUpperCase(Locale.ROOT);
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        StringBuilder numeric = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            numeric.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }
}
