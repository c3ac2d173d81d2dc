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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code pii} handler: finds e-mail addresses, phone numbers, card numbers (Luhn-checked), IBANs (mod-97
 * checked) and US social security numbers. Param {@code types} limits the kinds looked for.
 */
final class PiiDetector implements EvalHandler {

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    private static final Pattern PHONE = Pattern.compile("(?<![\\w+])\\+?\\d[\\d ().-]{7,}\\d(?!\\w)");
    private static final Pattern CARD = Pattern.compile("(?<!\\d)\\d(?:[ -]?\\d){12,18}(?!\\d)");
    private static final Pattern IBAN = Pattern.compile("\\b[A-Z]{2}\\d{2}(?: ?[A-Z0-9]){11,30}\\b");
    private static final Pattern SSN = Pattern.compile("\\b(?!000|666|9\\d\\d)\\d{3}-(?!00)\\d{2}-(?!0000)\\d{4}\\b");
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
        boolean card = any(CARD, text, PiiDetector::luhn);
        for (String type : types) {
            boolean hit = switch (type) {
                case "email" -> EMAIL.matcher(text).find();
                case "credit_card" -> card;
                case "phone" -> any(PHONE, text, match -> !luhnCard(match) && digits(match).length() <= 15);
                case "iban" -> any(IBAN, text, PiiDetector::ibanValid);
                case "ssn" -> SSN.matcher(text).find();
                default -> false;
            };
            if (hit) {
                found.add(type);
            }
        }
        return found;
    }

    private static boolean any(Pattern pattern, String text, java.util.function.Predicate<String> check) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            if (check.test(matcher.group())) {
                return true;
            }
        }
        return false;
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
