/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.promptkit.provider.mock.MockProvider;
import dev.promptkit.provider.mock.MockScript;
import dev.promptkit.types.Message;
import dev.promptkit.types.TokenUsage;
import dev.promptkit.types.ToolCall;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

class AnswerLimitsTests {

    private static final ProviderRequest HELLO = ProviderRequest.of(null, null, List.of(Message.user("Hi")));

    @Test
    void passesAnAnswerWithinTheLimitsAsItIs() {
        List<ProviderChunk> answer = List.of(ProviderChunk.text("Hello"), ProviderChunk.text(" there"),
                ProviderChunk.finish("stop", TokenUsage.of(5, 2)));

        StepVerifier.create(new AnswerLimits(11, 2).enforce("p", Flux.fromIterable(answer)))
                .expectNextSequence(answer).verifyComplete();
    }

    @Test
    void stopsTheAnswerAndCancelsTheUpstreamAtTheFirstChunkPastTheCharacterLimit() {
        AtomicInteger emitted = new AtomicInteger();
        AtomicReference<String> end = new AtomicReference<>();
        Flux<ProviderChunk> endless = Flux.generate(sink -> sink.next(ProviderChunk.text("0123456789")))
                .cast(ProviderChunk.class).doOnNext(chunk -> emitted.incrementAndGet())
                .doOnCancel(() -> end.set("cancelled"));

        StepVerifier.create(new AnswerLimits(25, 1000).enforce("upstream", endless))
                .expectNextCount(2)
                .verifyErrorSatisfies(error -> assertThat(error).isInstanceOf(ProviderException.class)
                        .hasMessage("Provider 'upstream' failed: the answer is too large: it is longer than the limit"
                                + " of 25 characters")
                        .extracting(failure -> ((ProviderException) failure).kind())
                        .isEqualTo(ProviderException.Kind.ANSWER_TOO_LARGE));
        assertThat(emitted).hasValue(3);
        assertThat(end).hasValue("cancelled");
    }

    @Test
    void countsToolCallArgumentsAndNames() {
        ProviderChunk call = ProviderChunk.toolCall(ToolCall.of("c1", "lookup", Map.of("id", "0123456789")));

        StepVerifier.create(new AnswerLimits(24, 1000).enforce("p", Flux.just(call)))
                .verifyErrorMatches(error -> ((ProviderException) error).kind()
                        == ProviderException.Kind.ANSWER_TOO_LARGE);
        StepVerifier.create(new AnswerLimits(25, 1000).enforce("p", Flux.just(call))).expectNext(call)
                .verifyComplete();
    }

    @Test
    void failsAnAnswerWhoseReportedOutputTokensPassTheLimitLeavingReasoningOut() {
        ProviderChunk reasoned = ProviderChunk.finish("stop", new TokenUsage(10, 1200, 0, 0, 1000));
        ProviderChunk verbose = ProviderChunk.finish("stop", TokenUsage.of(10, 201));

        StepVerifier.create(new AnswerLimits(1000, 200).enforce("p", Flux.just(reasoned))).expectNext(reasoned)
                .verifyComplete();
        StepVerifier.create(new AnswerLimits(1000, 200).enforce("p", Flux.just(verbose)))
                .verifyErrorMessage("Provider 'p' failed: the answer is too large: the provider reports 201 output"
                        + " tokens, more than the limit of 200");
    }

    @Test
    void stopsAStreamingAnswerOnceItsLengthCannotFitTheTokenLimit() {
        String sixteen = "0123456789abcdef";

        StepVerifier.create(new AnswerLimits(1000, 2).enforce("p", Flux.just(ProviderChunk.text(sixteen))))
                .expectNextCount(1).verifyComplete();
        StepVerifier.create(new AnswerLimits(1000, 2).enforce("p", Flux.just(ProviderChunk.text(sixteen + "!"))))
                .verifyErrorMessage("Provider 'p' failed: the answer is too large: its 17 characters are more than the"
                        + " limit of 2 tokens can hold");
    }

    @Test
    void holdsForTheMockProviderToo() {
        MockProvider mock = MockProvider.builder().script(MockScript.parse("defaultResponse: \"" + "word ".repeat(40)
                + "\"")).answerLimits(new AnswerLimits(100, 1000)).build();

        StepVerifier.create(mock.stream(HELLO)).expectNextCount(5)
                .verifyErrorMatches(error -> ((ProviderException) error).kind()
                        == ProviderException.Kind.ANSWER_TOO_LARGE);
    }

    @Test
    void refusesLimitsBelowOne() {
        assertThatThrownBy(() -> new AnswerLimits(0, 10)).hasMessage("maxChars must be at least 1, was 0");
        assertThatThrownBy(() -> new AnswerLimits(10, -1)).hasMessage("maxTokens must be at least 1, was -1");
    }
}
