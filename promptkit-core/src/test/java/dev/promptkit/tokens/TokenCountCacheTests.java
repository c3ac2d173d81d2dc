/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;

class TokenCountCacheTests {

    private final AtomicInteger tokenizations = new AtomicInteger();
    private final ToIntFunction<String> tokenizer = text -> {
        tokenizations.incrementAndGet();
        return text.length() / 3;
    };

    @Test
    void theSameTextLoadedAgainAsAnotherStringIsTokenizedOnce() {
        TokenCountCache cache = new TokenCountCache(100);
        String stored = "a long answer ".repeat(1_000);
        String loadedAgain = new String(stored.toCharArray());

        assertThat(cache.count(stored, tokenizer)).isEqualTo(stored.length() / 3);
        assertThat(cache.count(loadedAgain, tokenizer)).isEqualTo(stored.length() / 3);
        assertThat(tokenizations).hasValue(1);
    }

    @Test
    void textsThatDifferInOneCharacterOrInLengthAreCountedApart() {
        TokenCountCache cache = new TokenCountCache(100);
        String text = "x".repeat(999) + "a";

        cache.count(text, tokenizer);
        cache.count("x".repeat(999) + "b", tokenizer);
        cache.count(text + "a", tokenizer);

        assertThat(tokenizations).hasValue(3);
        assertThat(cache.size()).isEqualTo(3);
    }

    @Test
    void theCacheStaysWithinItsBound() {
        TokenCountCache cache = new TokenCountCache(10);
        for (int i = 0; i < 25; i++) {
            cache.count("text number " + i, tokenizer);
        }
        assertThat(cache.size()).isLessThanOrEqualTo(10);
    }

    @Test
    void anOpenAiCounterGivesTheSameCountForALongTextEveryTime() {
        TokenCounter counter = TokenCounters.forModel("gpt-4o");
        String answer = "The refund of order A-1001 was processed and will arrive within five days. ".repeat(200);

        int first = counter.count(answer);

        assertThat(first).isGreaterThan(1_000);
        assertThat(counter.count(new String(answer.toCharArray()))).isEqualTo(first);
        assertThat(counter.count(answer + " And one more sentence.")).isGreaterThan(first);
    }
}
