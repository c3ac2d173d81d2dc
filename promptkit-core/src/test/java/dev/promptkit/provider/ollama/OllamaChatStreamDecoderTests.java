/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.ollama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.promptkit.provider.ProviderChunk;
import dev.promptkit.provider.ProviderException;
import dev.promptkit.types.TokenUsage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OllamaChatStreamDecoderTests {

    private final OllamaChatStreamDecoder decoder = new OllamaChatStreamDecoder("ollama");

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"message":{"role":"assistant","content":""},"done":true,"done_reason":"stop","prompt_eval_count":26,"eval_count":282} | stop   | 26 | 282
            {"message":{"role":"assistant","content":""},"done":true,"done_reason":"length","prompt_eval_count":12,"eval_count":100} | length | 12 | 100
            {"done":true,"total_duration":8113331500,"prompt_eval_count":61,"eval_count":468}                                       | stop   | 61 | 468
            {"model":"llama3.2","message":{"role":"assistant","content":""},"done_reason":"load","done":true}                       | load   | 0  | 0
            """)
    void finishesWithTheDoneReasonAndTheTokenCounts(String line, String reason, long input, long output) {
        assertThat(decoder.decode(line)).containsExactly(ProviderChunk.finish(reason, TokenUsage.of(input, output)));
        assertThat(decoder.finish()).isEmpty();
    }

    @Test
    void emitsTextCarriedByTheDoneLineBeforeTheFinishChunk() {
        assertThat(decoder.decode("{\"message\":{\"role\":\"assistant\",\"content\":\"!\"},\"done\":true,"
                + "\"done_reason\":\"stop\",\"prompt_eval_count\":5,\"eval_count\":2}"))
                .containsExactly(ProviderChunk.text("!"), ProviderChunk.finish("stop", TokenUsage.of(5, 2)));
    }

    @Test
    void ignoresWhatFollowsTheDoneLine() {
        decoder.decode("{\"done\":true,\"done_reason\":\"stop\"}");

        assertThat(decoder.decode("{\"message\":{\"content\":\"late\"},\"done\":false}")).isEmpty();
    }

    @Test
    void failsOnAStreamWithoutDoneLine() {
        decoder.decode("{\"message\":{\"role\":\"assistant\",\"content\":\"Hi\"},\"done\":false}");

        assertThatExceptionOfType(ProviderException.class).isThrownBy(decoder::finish)
                .withMessage("Provider 'ollama' failed: the stream ended before the response was complete")
                .matches(ProviderException::retryable);
    }

    @Test
    void turnsAnErrorLineIntoARetryableFailure() {
        assertThatExceptionOfType(ProviderException.class)
                .isThrownBy(() -> decoder.decode("{\"error\":\"an error was encountered while running the model\"}"))
                .withMessage("Provider 'ollama' failed: the stream reported an error: an error was encountered while"
                        + " running the model")
                .matches(ProviderException::retryable);
    }
}
