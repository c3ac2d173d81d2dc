/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider;

import dev.promptkit.provider.ProviderException.Kind;
import reactor.core.publisher.Flux;
import reactor.core.publisher.SynchronousSink;

/**
 * The largest answer one call to a provider may stream, so that a runaway or hostile upstream cannot fill memory,
 * the stored history and every later request. Past either limit the call fails with a
 * {@link Kind#ANSWER_TOO_LARGE} {@link ProviderException} and the upstream call is cancelled (its connection
 * released); a failed call stores nothing.
 * <ul>
 * <li>{@code maxChars}: the characters of the answer's text and of its tool calls (name and JSON arguments),
 * counted as they stream; tool-call arguments still being assembled count too.</li>
 * <li>{@code maxTokens}: the output tokens the provider reports with the last chunk (reasoning tokens, which are
 * not part of the answer, left out); while the answer streams, at least one token per
 * {@value #MAX_CHARS_PER_TOKEN} characters, a bound no tokenizer exceeds on real text, so that a runaway answer
 * stops early without a well-formed one ever failing.</li>
 * </ul>
 * The defaults, {@value #DEFAULT_MAX_CHARS} characters and {@value #DEFAULT_MAX_TOKENS} tokens, are above the
 * largest answer any current model can give.
 *
 * @param maxChars the most characters, at least 1
 * @param maxTokens the most output tokens, at least 1
 *
 * @since 0.1.0
 */
public record AnswerLimits(int maxChars, int maxTokens) {

    public static final int DEFAULT_MAX_CHARS = 1_000_000;
    public static final int DEFAULT_MAX_TOKENS = 256_000;
    public static final int MAX_CHARS_PER_TOKEN = 8;

    /** The default limits. */
    public static final AnswerLimits DEFAULT = new AnswerLimits(DEFAULT_MAX_CHARS, DEFAULT_MAX_TOKENS);

    public AnswerLimits {
        if (maxChars < 1) {
            throw new IllegalArgumentException("maxChars must be at least 1, was " + maxChars);
        }
        if (maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be at least 1, was " + maxTokens);
        }
    }

    /** {@code answer}, failing as soon as it grows past these limits. */
    public Flux<ProviderChunk> enforce(String provider, Flux<ProviderChunk> answer) {
        return Flux.defer(() -> {
            Meter meter = new Meter(provider);
            return answer.handle(meter::pass);
        });
    }

    /** A count of the tool-call arguments one stream's decoder holds while it assembles the calls. */
    public HeldArguments heldArguments(String provider) {
        return new HeldArguments(provider);
    }

    private ProviderException tooLarge(String provider, String why) {
        return new ProviderException(provider, Kind.ANSWER_TOO_LARGE, 0, "the answer is too large: " + why, false,
                null, null);
    }

    /**
     * The characters of tool-call arguments one stream's decoder holds, failing once they pass {@code maxChars}, so
     * that arguments that never end are not buffered until the stream does. Not thread-safe: one per stream.
     */
    public final class HeldArguments {

        private final String provider;
        private long chars;

        private HeldArguments(String provider) {
            this.provider = provider;
        }

        /**
         * Counts {@code count} more characters held.
         *
         * @throws ProviderException of kind {@link Kind#ANSWER_TOO_LARGE} once they pass {@code maxChars}
         */
        public void add(int count) {
            chars += count;
            if (chars > maxChars) {
                throw tooLarge(provider, "its tool-call arguments are longer than the limit of " + maxChars
                        + " characters");
            }
        }

        /** Counts {@code count} characters as no longer held (their call was handed on). */
        public void release(int count) {
            chars -= count;
        }

        /** Counts nothing as held (every call was handed on). */
        public void clear() {
            chars = 0;
        }
    }

    /** Counts one streamed answer. */
    private final class Meter {

        private final String provider;
        private long chars;

        Meter(String provider) {
            this.provider = provider;
        }

        void pass(ProviderChunk chunk, SynchronousSink<ProviderChunk> sink) {
            if (chunk.isText()) {
                chars += chunk.delta().length();
            }
            else if (chunk.isToolCall()) {
                String name = chunk.toolCall().name();
                chars += (name == null ? 0 : name.length()) + chunk.toolCall().argumentsJson().length();
            }
            if (chars > maxChars) {
                sink.error(tooLarge(provider, "it is longer than the limit of " + maxChars + " characters"));
                return;
            }
            long atLeast = (chars + MAX_CHARS_PER_TOKEN - 1) / MAX_CHARS_PER_TOKEN;
            if (atLeast > maxTokens) {
                sink.error(tooLarge(provider, "its " + chars + " characters are more than the limit of " + maxTokens
                        + " tokens can hold"));
                return;
            }
            if (chunk.isFinish() && chunk.usage() != null) {
                long answerTokens = chunk.usage().outputTokens() - chunk.usage().reasoningTokens();
                if (answerTokens > maxTokens) {
                    sink.error(tooLarge(provider, "the provider reports " + answerTokens
                            + " output tokens, more than the limit of " + maxTokens));
                    return;
                }
            }
            sink.next(chunk);
        }
    }
}
