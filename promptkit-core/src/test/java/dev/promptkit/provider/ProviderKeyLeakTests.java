/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.promptkit.event.Event;
import dev.promptkit.event.EventBus;
import dev.promptkit.event.PipelineEvent;
import dev.promptkit.event.ProviderCallEvent;
import dev.promptkit.event.StreamRetryEvent;
import dev.promptkit.pack.Pack;
import dev.promptkit.pack.PackLoader;
import dev.promptkit.provider.http.FakeUpstream;
import dev.promptkit.provider.http.RetryPolicy;
import dev.promptkit.sdk.Conversation;
import dev.promptkit.sdk.ConversationOptions;
import dev.promptkit.sdk.PromptKit;
import dev.promptkit.test.ExceptionChain;
import dev.promptkit.test.TraceLogCapture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Each provider against an upstream whose errors quote a credential, as real APIs and gateways do ("Incorrect API
 * key provided: sk-...", "quota for Bearer ..."): in an HTTP error body (429, retried, so the retry path runs too)
 * and in an error reported inside an otherwise healthy 200 stream after the first words. The key is quoted exactly,
 * upper-cased and without its vendor prefix, and another token follows {@code Bearer}. With every Spring, Reactor,
 * Netty and PromptKit logger at TRACE, none of it may appear in a log line, in the failure or any exception of its
 * chain, or in an event the conversation published.
 */
class ProviderKeyLeakTests {

    private static final Pack PACK = PackLoader.load(Path.of("src/test/resources/providers/tools.pack.json"));
    private static final Path FIXTURES = Path.of("src/test/resources/dev/promptkit/provider");
    private static final String BODY = "Zq7LeakBody4d1e9c0Ab2Cd3Ef4Gh5Ij6Kl7Mn8";
    private static final String OTHER_TOKEN = "gw-tok-77f3a9b1c2d4e5f60718293a4b5c6d7e";

    @RegisterExtension
    final TraceLogCapture logs = new TraceLogCapture();

    @RegisterExtension
    final FakeUpstream server = new FakeUpstream(ProviderKeyLeakTests.class, FakeUpstream.Framing.SSE);

    /**
     * One vendor: its key's prefix, framing, an HTTP error body and a stream whose error quotes {@code %s}; {@code api}
     * is the openai provider's API option, {@code null} for its default and for the others.
     */
    record Vendor(String type, String api, String keyPrefix, String contentType, String basePath, int errorStatus,
            String errorBody, String streamFixture, String fixtureMessage) {

        String key() {
            return keyPrefix + BODY;
        }

        @Override
        public String toString() {
            return api == null ? type : type + " (" + api + ")";
        }
    }

    /** How the upstream quotes the credential. */
    enum Quote {
        EXACTLY, UPPER_CASED, WITHOUT_PREFIX, OTHER_BEARER_TOKEN;

        String message(Vendor vendor) {
            return switch (this) {
                case EXACTLY -> "Incorrect API key provided: " + vendor.key() + ".";
                case UPPER_CASED -> "Incorrect API key provided: " + vendor.key().toUpperCase(Locale.ROOT) + ".";
                case WITHOUT_PREFIX -> "Incorrect API key provided: " + BODY + ".";
                case OTHER_BEARER_TOKEN -> "You exceeded your current quota for Bearer " + OTHER_TOKEN;
            };
        }
    }

    static Stream<Arguments> cases() {
        List<Vendor> vendors = List.of(
                new Vendor("openai", null, "sk-proj-", "text/event-stream", "/v1", 429,
                        "{\"error\":{\"message\":\"%s\",\"type\":\"insufficient_quota\",\"param\":null,"
                                + "\"code\":\"insufficient_quota\"}}",
                        "error-mid-stream.sse",
                        "The server had an error while processing your request. Sorry about that!"),
                new Vendor("openai", "responses", "sk-proj-", "text/event-stream", "/v1", 429,
                        "{\"error\":{\"message\":\"%s\",\"type\":\"insufficient_quota\",\"param\":null,"
                                + "\"code\":\"insufficient_quota\"}}",
                        "responses/failed-mid-stream.sse",
                        "The server had an error while processing your request. Sorry about that!"),
                new Vendor("anthropic", null, "sk-ant-api03-", "text/event-stream", "", 429,
                        "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"%s\"}}",
                        "error-mid-stream.sse", "Overloaded"),
                new Vendor("gemini", null, "AIza", "text/event-stream", "/v1beta", 429,
                        "{\"error\":{\"code\":429,\"message\":\"%s\",\"status\":\"RESOURCE_EXHAUSTED\"}}",
                        "error-mid-stream.sse", "An internal error has occurred. Please retry or report in"
                                + " https://developers.generativeai.google/guide/troubleshooting"),
                new Vendor("ollama", null, "sk-", "application/x-ndjson", "", 503, "{\"error\":\"%s\"}",
                        "error-mid-stream.ndjson", "an error was encountered while running the model: unexpected EOF"));
        List<Arguments> cases = new ArrayList<>();
        for (Vendor vendor : vendors) {
            for (Quote quote : Quote.values()) {
                cases.add(Arguments.of(vendor, quote));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}, key quoted {1}")
    @MethodSource("cases")
    void anHttpErrorBodyQuotingTheKeyLeaksNowhere(Vendor vendor, Quote quote) {
        String body = vendor.errorBody().formatted(quote.message(vendor));
        for (int attempt = 0; attempt < 3; attempt++) {
            server.enqueue(new MockResponse.Builder().code(vendor.errorStatus())
                    .addHeader("Content-Type", "application/json").addHeader("Retry-After", "1").body(body).build());
        }

        Leaks leaks = send(vendor);

        assertThat(server.requestCount()).as("the first call and two retries").isEqualTo(3);
        assertThat(leaks.failure).isInstanceOf(ProviderException.class);
        ProviderException failure = (ProviderException) leaks.failure;
        assertThat(failure.kind()).isEqualTo(vendor.errorStatus() == 429 ? ProviderException.Kind.RATE_LIMITED
                : ProviderException.Kind.UNAVAILABLE);
        assertThat(failure.getMessage()).contains("'" + vendor.type() + "'", "[redacted]");
        assertThat(leaks.events).anyMatch(StreamRetryEvent.class::isInstance);
        leaks.assertNoSecret();
    }

    @ParameterizedTest(name = "{0}, key quoted {1}")
    @MethodSource("cases")
    void anInStreamErrorQuotingTheKeyLeaksNowhere(Vendor vendor, Quote quote) throws IOException {
        String stream = Files.readString(FIXTURES.resolve(vendor.type()).resolve(vendor.streamFixture()));
        assertThat(stream).contains(vendor.fixtureMessage());
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", vendor.contentType())
                .body(stream.replace(vendor.fixtureMessage(), quote.message(vendor))).build());

        Leaks leaks = send(vendor);

        assertThat(leaks.failure).isInstanceOf(ProviderException.class)
                .hasMessageContaining("the stream reported an error").hasMessageContaining("[redacted]");
        assertThat(((ProviderException) leaks.failure).kind()).as("an error after the first words")
                .isEqualTo(ProviderException.Kind.INTERRUPTED);
        leaks.assertNoSecret();
    }

    private Leaks send(Vendor vendor) {
        EventBus events = EventBus.create();
        List<Event> heard = new CopyOnWriteArrayList<>();
        events.subscribeSynchronous(heard::add);
        RetryPolicy quickRetries = new RetryPolicy(RetryPolicy.DEFAULT.maxRetries(), Duration.ofMillis(1),
                Duration.ofMillis(5), Duration.ofMillis(5), RetryPolicy.DEFAULT.budgetPerSecond(), 0);
        ProviderSpec.Builder spec = ProviderSpec.builder(vendor.type(), vendor.type()).apiKey(vendor.key())
                .baseUrl(server.url(vendor.basePath())).http(http -> http.retry(quickRetries));
        if (vendor.api() != null) {
            spec.option("api", vendor.api());
        }
        Provider provider = ProviderFactories.discover(ProviderHost.publishingTo(events, WebClient::builder))
                .create(spec.build());
        try (Conversation chat = PromptKit.open(PACK, "assistant",
                ConversationOptions.builder().provider(provider).eventBus(events).build())) {
            Throwable failure = catchThrowable(() -> chat.send("Hello there"));
            return new Leaks(vendor, failure, List.copyOf(heard), logs.lines());
        }
        finally {
            provider.close();
        }
    }

    /** What left the failed call: the failure, the events and the log. */
    private record Leaks(Vendor vendor, Throwable failure, List<Event> events, List<String> logLines) {

        void assertNoSecret() {
            assertThat(failure).as("the call failed").isNotNull();
            assertThat(logLines).as("TRACE logging is on")
                    .anyMatch(line -> line.startsWith("TRACE org.springframework.web.reactive.function.client"))
                    .anyMatch(line -> line.startsWith("DEBUG reactor.netty"));
            List<String> seen = new ArrayList<>();
            seen.add(ExceptionChain.text(failure));
            for (Event event : events) {
                seen.add(event.toString());
                if (event instanceof ProviderCallEvent call && call.error() != null) {
                    seen.add(ExceptionChain.text(call.error()));
                }
                if (event instanceof PipelineEvent stage && stage.error() != null) {
                    seen.add(ExceptionChain.text(stage.error()));
                }
            }
            seen.addAll(logLines);
            for (String text : seen) {
                String lower = text.toLowerCase(Locale.ROOT);
                assertThat(lower).as("%s", text).doesNotContain(BODY.toLowerCase(Locale.ROOT).substring(0, 12))
                        .doesNotContain(BODY.toLowerCase(Locale.ROOT).substring(20))
                        .doesNotContain(OTHER_TOKEN.toLowerCase(Locale.ROOT).substring(7));
            }
        }
    }
}
