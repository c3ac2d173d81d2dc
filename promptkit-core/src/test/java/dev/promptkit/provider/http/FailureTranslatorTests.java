/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.provider.ProviderException;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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
    }

    @Test
    void readsAPrematureCloseTheSameWay() {
        ProviderException failure = failures.translate(PrematureCloseException.TEST_EXCEPTION);

        assertThat(DisconnectedClientHelper.isClientDisconnectedException(failure)).isFalse();
        assertThat(failure.retryable()).isTrue();
    }
}
