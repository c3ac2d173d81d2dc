/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.provider.ProviderException;
import dev.promptkit.provider.ProviderException.Kind;
import io.netty.channel.ConnectTimeoutException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.util.DisconnectedClientHelper;
import reactor.netty.http.client.PrematureCloseException;

/**
 * A provider's connection that breaks while its answer streams is the upstream's failure, and must read as one to
 * the web server that streams the answer on. Spring WebFlux asks {@link DisconnectedClientHelper} whether a failed
 * response is its own client having gone away: when the deepest cause's message says "connection reset by peer" or
 * "broken pipe" it is, unless a WebClient (or RestClient) exception is in the chain. When it is, Spring logs nothing
 * above DEBUG and ends the response as if it had succeeded: the user of a streaming app got half an answer whose
 * HTTP body ended cleanly, the one sign of a failed turn being a missing end marker, if the app sends one (found by
 * the soak test, {@code benchmarks/soak.sh}: 298 streams cut by the upstream ended cleanly for the client).
 */
class FailureTranslatorTests {

    private final FailureTranslator failures = new FailureTranslator("upstream",
            HttpProviderSettings.builder().baseUrl("http://127.0.0.1:1/v1").apiKey("sk-test-key").build(),
            ErrorMessageExtractor.jsonPointer("/error/message"));

    @ParameterizedTest
    @ValueSource(strings = { "recvAddress(..) failed with error(-104): Connection reset by peer",
            "readAddress(..) failed: Connection reset by peer", "writevAddresses(..) failed: Broken pipe",
            "Connection reset by peer", "Broken pipe" })
    void aBrokenUpstreamConnectionIsNeverTakenForTheClientHavingGoneAway(String message) {
        IOException reset = new IOException(message);

        ProviderException failure = failures.translate(reset);

        assertThat(DisconnectedClientHelper.isClientDisconnectedException(reset))
                .as("Spring's reading of the bare I/O error").isTrue();
        assertThat(DisconnectedClientHelper.isClientDisconnectedException(failure))
                .as("Spring's reading of the provider's failure").isFalse();
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.statusCode()).isZero();
        assertThat(failure).hasMessage("Provider 'upstream' failed: the connection failed before the response was "
                + "complete: " + message);
        assertThat(failure).hasRootCause(reset);
        assertThat(failure.kind()).isEqualTo(Kind.UNAVAILABLE);
    }

    @Test
    void readsAPrematureCloseTheSameWay() {
        ProviderException failure = failures.translate(PrematureCloseException.TEST_EXCEPTION);

        assertThat(DisconnectedClientHelper.isClientDisconnectedException(failure)).isFalse();
        assertThat(failure.retryable()).isTrue();
    }

    @Test
    void aRateLimitCarriesTheWaitTheUpstreamAskedFor() {
        HttpHeaders headers = new HttpHeaders();
        headers.set("Retry-After", "7");

        ProviderException failure = failures.fromResponse(429, headers,
                "{\"error\":{\"message\":\"Rate limit reached for gpt-4o\"}}");

        assertThat(failure.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(7));
        assertThat(failure.detail()).isEqualTo("Rate limit reached for gpt-4o");
        assertThat(failure.provider()).isEqualTo("upstream");
    }

    @Test
    void namesTheKindOfEachFailure() {
        assertThat(failures.fromResponse(401, new HttpHeaders(), "").kind()).isEqualTo(Kind.AUTHENTICATION);
        assertThat(failures.fromResponse(400, new HttpHeaders(), "").kind()).isEqualTo(Kind.BAD_REQUEST);
        assertThat(failures.fromResponse(504, new HttpHeaders(), "").kind()).isEqualTo(Kind.TIMED_OUT);
        assertThat(failures.fromResponse(529, new HttpHeaders(), "").kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(failures.translate(new TimeoutException()).kind()).isEqualTo(Kind.TIMED_OUT);
        assertThat(failures.translate(new LineTooLongException(16)).kind()).isEqualTo(Kind.INVALID_RESPONSE);
        assertThat(failures.translate(new WebClientRequestException(new ConnectTimeoutException("connection timed out"),
                HttpMethod.POST, URI.create("http://127.0.0.1:1/v1"), new HttpHeaders())).kind())
                .isEqualTo(Kind.TIMED_OUT);
        assertThat(failures.translate(new WebClientRequestException(new ConnectException("Connection refused"),
                HttpMethod.POST, URI.create("http://127.0.0.1:1/v1"), new HttpHeaders())).kind())
                .isEqualTo(Kind.UNAVAILABLE);
        assertThat(failures.translate(new IllegalStateException("bug")).kind()).isEqualTo(Kind.OTHER);
    }

    @Test
    void masksTheKeyInAFailureMadeBelowItAndInItsCauses() {
        IllegalArgumentException cause = new IllegalArgumentException("unrecognised token 'SK-TEST-KEY'");
        ProviderException decoded = new ProviderException("upstream", Kind.INVALID_RESPONSE, 0,
                "the stream reported an error: quota for sk-test-key and Bearer gw-token-1", false, null, cause);

        ProviderException failure = failures.translate(decoded);

        assertThat(failure).hasMessage("Provider 'upstream' failed: the stream reported an error: quota for"
                + " [redacted] and Bearer [redacted]");
        assertThat(failure.kind()).isEqualTo(Kind.INVALID_RESPONSE);
        assertThat(failure.getCause()).hasToString("java.lang.IllegalArgumentException: unrecognised token"
                + " '[redacted]'");
        ProviderException clean = new ProviderException("upstream", 500, "overloaded");
        assertThat(failures.translate(clean)).isSameAs(clean);
    }
}
