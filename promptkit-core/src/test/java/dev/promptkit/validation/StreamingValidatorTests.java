/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamingValidatorTests {

    private final ValidatorRegistry registry = ValidatorRegistry.standard();

    /** Streams {@code deltas} into the validator; the index of the delta that broke a rule, or -1. */
    private static int firstViolation(StreamingValidator validator, String... deltas) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < deltas.length; i++) {
            int start = text.length();
            text.append(deltas[i]);
            if (!validator.validatePartial(text, start).passed()) {
                return i;
            }
        }
        return -1;
    }

    private StreamingValidator streaming(String type, Map<String, Object> params) {
        return (StreamingValidator) registry.create(type, params);
    }

    @Test
    void aWholeBannedWordStopsTheStreamOnceTheCharacterAfterItArrives() {
        StreamingValidator validator = streaming("banned_words", Map.of("words", List.of("darn")));

        assertThat(firstViolation(validator, "Oh da", "rn", "! More")).isEqualTo(2);
        assertThat(firstViolation(validator, "Oh darn it", " more")).isEqualTo(0);
        assertThat(firstViolation(validator, "Oh DARN", "ed luck", " indeed"))
                .as("a longer word is not the banned word").isEqualTo(-1);
        assertThat(firstViolation(validator, "x", "darn"))
                .as("at the very end the next character is still unknown; the final check judges it").isEqualTo(-1);
        assertThat(validator.validate("xdarn").passed()).isTrue();
        assertThat(validator.validate("x darn").passed()).isFalse();
    }

    @Test
    void aBannedSubstringStopsTheStreamAtOnceEvenAcrossDeltas() {
        StreamingValidator validator = streaming("banned_words", Map.of("words", List.of("secret"),
                "match_mode", "substring"));

        assertThat(firstViolation(validator, "top se", "cr", "et", "s here")).isEqualTo(2);
        assertThat(firstViolation(validator, "nothing to see", " here")).isEqualTo(-1);
    }

    @Test
    void onlyTheTailThatTheNewDeltaCanChangeIsSearched() {
        StreamingValidator validator = streaming("banned_words", Map.of("words", List.of("darn")));
        StringBuilder text = new StringBuilder("darn and more words");

        assertThat(validator.validatePartial(text, text.length()).passed())
                .as("a match well before the new delta was judged when it arrived").isTrue();
        assertThat(validator.validatePartial(text, 4).passed()).as("a match ending where the delta starts").isFalse();
    }

    @Test
    void maxLengthStopsTheStreamAsSoonAsTheTextIsTooLong() {
        StreamingValidator characters = streaming("length", Map.of("max_characters", 10));
        StreamingValidator tokens = streaming("max_length", Map.of("max_tokens", 2));

        assertThat(firstViolation(characters, "12345", "67890", "1")).isEqualTo(2);
        assertThat(firstViolation(tokens, "1234", "5678", "9")).isEqualTo(2);
    }
}
