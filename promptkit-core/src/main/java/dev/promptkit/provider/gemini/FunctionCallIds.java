/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.gemini;

import java.util.regex.Pattern;

/**
 * Ids for function calls that Gemini sent without one ({@code call_<n>_<name>}, n counting the calls of one
 * response from 0), so that their results can refer to them. Such ids are this provider's own: they are
 * recognised and kept out of the requests, where only ids Gemini assigned belong.
 */
final class FunctionCallIds {

    private static final Pattern GENERATED = Pattern.compile("call_\\d+_(.*)", Pattern.DOTALL);

    private FunctionCallIds() {
    }

    static String generate(int index, String name) {
        return "call_" + index + "_" + name;
    }

    /** Whether {@code id} is one {@link #generate} made for a call of {@code name}. */
    static boolean isGenerated(String id, String name) {
        var match = GENERATED.matcher(id);
        return match.matches() && match.group(1).equals(name);
    }
}
