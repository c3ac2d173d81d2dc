/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.provider.ProviderChunk;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link StreamJson#readStreaming} reads all the payloads of a stream with one parser: each payload must read as
 * if it were alone, whatever came before it, and the parser must be given back however the stream ends.
 */
class StreamJsonParserTests {

    private static final ObjectReader TREES = JsonMapper.shared().reader()
            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final StreamJson json = StreamJson.events("test");

    private final List<JsonParser> parsers = new ArrayList<>();

    /** One root value read as a tree, or null when the payload holds anything else. */
    private final Function<JsonParser, JsonNode> oneValue = parser -> {
        parsers.add(parser);
        JsonNode value = TREES.readTree(parser);
        return parser.nextToken() == null ? value : null;
    };

    @Test
    void readsEachPayloadAsIfItWereAlone() {
        for (String payload : new String[] { "1", "2", "true", "\"caf\\u00e9\"", "{\"a\":[1,{\"b\":null}]}", "[]",
                "{\"text\":\"寿司 🍮 é\"}", " {\"a\":1} ", "-0.5e3" }) {
            assertThat(json.readStreaming(payload, oneValue)).as(payload)
                    .isEqualTo(JsonMapper.shared().readTree(payload));
        }
    }

    @Test
    void givesUpOnAPayloadItCannotReadAndReadsTheNextOneWhole() {
        String valid = "{\"text\":\"寿司 🍮\",\"n\":12}";
        JsonNode expected = JsonMapper.shared().readTree(valid);
        for (int length = 1; length < valid.length(); length++) {
            String cut = valid.substring(0, length);
            assertThat(json.readStreaming(cut, oneValue)).as("cut to %d chars", length).isNull();
            assertThat(json.readStreaming(valid, oneValue)).as("after the cut to %d chars", length)
                    .isEqualTo(expected);
        }
        for (String bad : new String[] { "{} {}", "{\"a\":1}}", "12 x", "nul", "{\"a\":tru}",
                "{\"a\":\"\uD83C\"}" }) {
            assertThat(json.readStreaming(bad, oneValue)).as(bad).isNull();
            assertThat(json.readStreaming(valid, oneValue)).as("after %s", bad).isEqualTo(expected);
        }
    }

    @Test
    void seesTheEndOfEachPayloadWhereTheReaderStops() {
        Function<JsonParser, Integer> tokens = parser -> {
            int count = 0;
            while (parser.nextToken() != null) {
                count++;
            }
            return parser.currentToken() == null ? count : null;
        };
        for (int i = 0; i < 3; i++) {
            assertThat(json.readStreaming("{\"a\":[1,2],\"b\":{}}", tokens)).isEqualTo(10);
        }
        // a reader that stops before the end keeps its value; the next payload still reads whole
        JsonToken first = json.readStreaming("{\"a\":1}", JsonParser::nextToken);
        assertThat(first).isEqualTo(JsonToken.START_OBJECT);
        assertThat(json.readStreaming("[true]", tokens)).isEqualTo(3);
    }

    @Test
    void givesTheParserBackWhenClosedAndReadsNoMoreWithIt() {
        assertThat(json.readStreaming("{}", oneValue)).isNotNull();

        json.close();

        assertThat(parsers).isNotEmpty().allSatisfy(parser -> assertThat(parser.isClosed()).isTrue());
        assertThat(json.readStreaming("{}", oneValue)).isNull();
    }

    @Test
    void closesTheDecoderWhenTheStreamCompletes() {
        TextDecoder decoder = new TextDecoder();
        StepVerifier.create(new SseEventReader().decode(SseEventReaderTests.buffers(bytes(
                "data: {\"text\":\"a\"}\n\ndata: {\"text\":\"b\"}\n\n")), decoder))
                .expectNext(ProviderChunk.text("a"), ProviderChunk.text("b"))
                .verifyComplete();

        assertThat(decoder.parsers).isNotEmpty().allSatisfy(parser -> assertThat(parser.isClosed()).isTrue());
    }

    @Test
    void closesTheDecoderWhenTheStreamIsCancelledMidWay() {
        TextDecoder decoder = new TextDecoder();
        Flux<ProviderChunk> chunks = new SseEventReader().decode(SseEventReaderTests.buffers(
                bytes("data: {\"text\":\"a\"}\n\n")).concatWith(Flux.never()), decoder);

        StepVerifier.create(chunks).expectNext(ProviderChunk.text("a")).thenCancel().verify();

        assertThat(decoder.parsers).isNotEmpty().allSatisfy(parser -> assertThat(parser.isClosed()).isTrue());
    }

    @Test
    void closesTheDecoderWhenAnEventFailsTheStream() {
        TextDecoder decoder = new TextDecoder();
        StepVerifier.create(new SseEventReader().decode(SseEventReaderTests.buffers(bytes(
                "data: {\"text\":\"a\"}\n\ndata: {\"text\":\n\ndata: {\"text\":\"c\"}\n\n")), decoder))
                .expectNext(ProviderChunk.text("a"))
                .verifyErrorSatisfies(error -> assertThat(error)
                        .hasMessageContaining("received a malformed stream event (not valid JSON): {\"text\":"));

        assertThat(decoder.parsers).isNotEmpty().allSatisfy(parser -> assertThat(parser.isClosed()).isTrue());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** One text chunk per event, its {@code text} field, read with the stream's parser; keeps the parsers seen. */
    private static final class TextDecoder extends EndMarkedStreamDecoder<SseEvent> {

        private final List<JsonParser> parsers = new ArrayList<>();

        TextDecoder() {
            super(StreamJson.events("test"));
        }

        @Override
        protected List<ProviderChunk> decodeBeforeEnd(SseEvent event) {
            JsonNode payload = json().readStreaming(event.data(), parser -> {
                parsers.add(parser);
                return TREES.readTree(parser);
            });
            if (payload == null) {
                payload = json().parse(event.data());
            }
            return List.of(ProviderChunk.text(payload.path("text").asString()));
        }

        @Override
        protected List<ProviderChunk> finishWithoutEnd() {
            return List.of();
        }
    }
}
