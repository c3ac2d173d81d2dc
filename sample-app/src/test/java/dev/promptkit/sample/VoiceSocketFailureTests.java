/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.reactive.socket.CloseStatus;
import reactor.core.publisher.Flux;

/** A voice session that fails (a model stuck calling one tool) closes its socket with 1011 and a reason naming why. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "OPENAI_API_KEY=",
        "ANTHROPIC_API_KEY=", "GEMINI_API_KEY=", "GOOGLE_API_KEY=", "OLLAMA_HOST=",
        "promptkit.mock.script=classpath:voice-failure-mock.yaml", "promptkit.mock.chunk-delay=0ms" })
class VoiceSocketFailureTests {

    @LocalServerPort
    private int port;

    @Autowired
    private VoiceSessions sessions;

    @Test
    void aFailedSessionClosesTheSocketWithAReasonThatNamesTheError() {
        VoiceSocketClient client = new VoiceSocketClient(port);

        client.talk(socket -> Flux.just(socket.textMessage("{\"type\":\"text\",\"text\":\"loop please\"}")),
                events -> false, () -> { });

        CloseStatus status = client.awaitCloseStatus();
        assertThat(status.getCode()).isEqualTo(CloseStatus.SERVER_ERROR.getCode());
        assertThat(status.getReason()).startsWith("voice session failed: ToolLoopException: ")
                .contains("lookup_order");
        assertThat(status.getReason().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(123);
        assertThat(client.ofType("tool_call")).isNotEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> sessions.count() == 0);
    }
}
