/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.publisher.Mono;

/**
 * A page on another site must not open the voice socket with the user's browser (its cookies, its microphone):
 * the handshake is refused unless the page is the app's own or listed in {@code sample.voice.allowed-origins}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "OPENAI_API_KEY=",
        "ANTHROPIC_API_KEY=", "GEMINI_API_KEY=", "GOOGLE_API_KEY=", "OLLAMA_HOST=",
        "sample.voice.allowed-origins=https://app.example.com" })
class VoiceOriginTests {

    @LocalServerPort
    private int port;

    private void open(String origin) {
        HttpHeaders headers = new HttpHeaders();
        if (origin != null) {
            headers.setOrigin(origin);
        }
        new ReactorNettyWebSocketClient().execute(URI.create("ws://127.0.0.1:" + port + VoiceSocketConfiguration.PATH),
                headers, socket -> socket.receive().next().then(socket.close())).block(Duration.ofSeconds(20));
    }

    @Test
    void aPageOnAnotherSiteIsRefusedAtTheHandshake() {
        assertThatThrownBy(() -> open("https://evil.example")).hasMessageContaining("403");
    }

    @Test
    void theAppsOwnPageAnAllowedOriginAndClientsWithoutAnOriginGetASession() {
        for (String origin : new String[] { "http://127.0.0.1:" + port, "https://app.example.com", null }) {
            assertThat(Mono.fromRunnable(() -> open(origin)).thenReturn("opened").block()).as(String.valueOf(origin))
                    .isEqualTo("opened");
        }
    }
}
