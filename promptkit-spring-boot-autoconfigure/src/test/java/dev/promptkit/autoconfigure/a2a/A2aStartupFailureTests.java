/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.a2a;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An application whose remote A2A agent's card cannot be read does not start: the failure names the agent, the
 * card's URL and why, and its analysis says what to check.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class A2aStartupFailureTests {

    @Test
    @Order(1)
    void anAgentWhoseCardIsNotThereFailsStartUpNamingTheAgentAndTheCardsUrl() {
        try (ConfigurableApplicationContext translator = A2aTwoApplicationsTests.translator(true,
                "--promptkit.state-store.type=memory")) {
            String url = A2aTwoApplicationsTests.agentUrl(translator).replace("/translate", "/nobody");

            assertThat(failure(() -> A2aTwoApplicationsTests.desk("--promptkit.a2a.agents.ghost.url=" + url)))
                    .hasMessage("A2A agent 'ghost': its card at " + url + "/.well-known/agent-card.json"
                            + " cannot be read: Failed to obtain agent card: 404");
        }
    }

    @Test
    @Order(2)
    void anAgentThatIsDownFailsStartUpWithAnAnalysisNamingTheProperty() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port + "/a2a/x";

        A2aConfigurationException failure = failure(() -> A2aTwoApplicationsTests.desk(
                "--promptkit.a2a.agents.down.url=" + url));

        assertThat(failure).hasMessageStartingWith("A2A agent 'down': its card at " + url
                + "/.well-known/agent-card.json cannot be read: Failed to obtain agent card: ");
        FailureAnalysis analysis = new A2aFailureAnalyzer().analyze(failure);
        assertThat(analysis.getDescription()).contains(failure.getMessage());
        assertThat(analysis.getAction()).contains("promptkit.a2a.agents.down.url is its base URL");
    }

    /** The A2A configuration failure among the causes of what {@code startUp} throws. */
    private static A2aConfigurationException failure(Runnable startUp) {
        Throwable thrown = catchThrowable(startUp::run);
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof A2aConfigurationException failure) {
                return failure;
            }
        }
        throw new AssertionError("start-up did not fail with an A2aConfigurationException", thrown);
    }
}
