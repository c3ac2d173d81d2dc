/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tokens;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Picks the {@link TokenCounter} for a model. OpenAI models get exact counts from their own encoding:
 * {@code o200k_base} for the GPT-4o, GPT-4.1, GPT-4.5, GPT-5, gpt-oss and o-series families, {@code cl100k_base}
 * for GPT-4, GPT-3.5 and the {@code text-embedding-*} models. Every other model (Claude, Gemini, Llama, ...)
 * gets the {@link CharacterRatioTokenCounter} estimate, since their tokenizers are not published for the JVM.
 *
 * <p>A fine-tune ({@code ft:gpt-4o-mini:org::id}) counts as its base model, and a routed name
 * ({@code openai/gpt-4o}) by what follows the last slash. Each encoding is loaded once per JVM, on first use.
 *
 * @since 0.1.0
 */
public final class TokenCounters {

    private static final Pattern O200K =
            Pattern.compile("(gpt-4o|chatgpt-4o|gpt-4\\.1|gpt-4\\.5|gpt-5|gpt-oss|o\\d)([-.:].*)?");
    private static final Pattern CL100K = Pattern.compile("(gpt-4|gpt-3\\.5|gpt-35|text-embedding-).*");
    private static final TokenCounter ESTIMATE = new CharacterRatioTokenCounter();

    private TokenCounters() {
    }

    /** The counter for {@code model}; the estimate when the model is {@code null} or not an OpenAI model. */
    public static TokenCounter forModel(String model) {
        if (model == null) {
            return ESTIMATE;
        }
        String name = model.toLowerCase(Locale.ROOT).strip();
        if (name.startsWith("ft:")) {
            name = name.substring(3);
        }
        name = name.substring(name.lastIndexOf('/') + 1);
        if (O200K.matcher(name).matches()) {
            return O200kBase.COUNTER;
        }
        if (CL100K.matcher(name).matches()) {
            return Cl100kBase.COUNTER;
        }
        return ESTIMATE;
    }

    /** One registry for both encodings; lazy, so it loads only the encodings asked for. */
    private static final class Registry {
        static final EncodingRegistry INSTANCE = Encodings.newLazyEncodingRegistry();
    }

    private static final class O200kBase {
        static final TokenCounter COUNTER =
                new JtokkitTokenCounter(Registry.INSTANCE.getEncoding(EncodingType.O200K_BASE));
    }

    private static final class Cl100kBase {
        static final TokenCounter COUNTER =
                new JtokkitTokenCounter(Registry.INSTANCE.getEncoding(EncodingType.CL100K_BASE));
    }
}
