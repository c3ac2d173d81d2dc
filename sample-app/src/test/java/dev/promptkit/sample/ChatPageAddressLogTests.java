/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sample;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The start-up log says where the chat page is. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "OPENAI_API_KEY=",
        "ANTHROPIC_API_KEY=", "GEMINI_API_KEY=", "GOOGLE_API_KEY=", "OLLAMA_HOST=", "server.address=127.0.0.1" })
class ChatPageAddressLogTests {

    @LocalServerPort
    private int port;

    @Test
    void theStartUpLogNamesTheChatPagesAddress(CapturedOutput output) {
        assertThat(output.getOut().lines().filter(line -> line.contains("Chat page: "))).singleElement().asString()
                .endsWith("Chat page: http://localhost:" + port + "/ (the API is under /api/conversations, the "
                        + "actuator under /actuator)");
    }
}
