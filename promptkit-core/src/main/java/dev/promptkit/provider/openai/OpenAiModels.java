/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.openai;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What OpenAI's model names say about the API a model needs and whether it reasons. OpenAI serves some models only on
 * the Responses API: the pro reasoning models ({@code o1-pro}, {@code o3-pro}, {@code gpt-5-pro}), the Codex models
 * ({@code codex-mini-latest}, {@code gpt-5-codex}, {@code gpt-5.1-codex-max}), the deep-research models
 * ({@code o3-deep-research}, {@code o4-mini-deep-research}) and {@code computer-use-preview}, each also under its
 * dated snapshot names. The reasoning models are the o-series and GPT-5 (but not {@code gpt-5-chat-latest}) and the
 * Codex models.
 */
final class OpenAiModels {

    private static final Pattern PRO = Pattern.compile("(o\\d+|gpt-5(\\.\\d+)?)-pro(-.+)?");
    private static final Pattern O_SERIES = Pattern.compile("o\\d+(-.+)?");
    private static final Pattern GPT_5 = Pattern.compile("gpt-5(\\.\\d+)?(-.+)?");

    private OpenAiModels() {
    }

    /** Whether OpenAI serves {@code model} only on the Responses API. */
    static boolean needsResponses(String model) {
        String name = normalized(model);
        return PRO.matcher(name).matches() || name.contains("codex") || name.contains("deep-research")
                || name.startsWith("computer-use");
    }

    /** Whether {@code model} is a reasoning model, whose reasoning items the Responses API can return encrypted. */
    static boolean reasons(String model) {
        String name = normalized(model);
        if (name.contains("codex")) {
            return true;
        }
        if (GPT_5.matcher(name).matches()) {
            return !name.contains("-chat");
        }
        return O_SERIES.matcher(name).matches();
    }

    private static String normalized(String model) {
        return model == null ? "" : model.trim().toLowerCase(Locale.ROOT);
    }
}
