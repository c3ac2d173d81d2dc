/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.promptkit.test.http.CloseTiming;
import dev.promptkit.test.http.ConnectionConduct;
import dev.promptkit.test.http.ConnectionEnding;
import dev.promptkit.test.http.LoopbackHttpServer;
import dev.promptkit.test.http.LoopbackResponse;
import dev.promptkit.tool.ToolContext;
import dev.promptkit.tool.ToolException;
import dev.promptkit.types.ToolCall;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * HTTP tools against services that end kept-alive connections as real servers do. The tools run on the JDK's
 * HttpClient, whose pool drops a connection as soon as the server closes it, and which sends a GET or HEAD again,
 * once, on a new connection when a reused one ended before any byte of answer; it never repeats another method,
 * since the service may have acted on the request.
 */
class HttpToolConnectionTests {

    private static final String TOOL = "lookup_order";

    private LoopbackHttpServer service;

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void aGetToolSurvivesAServiceWhoseCloseMeetsTheNextRequest() {
        service = start(ConnectionConduct.builder().maxRequestsPerConnection(1, false)
                .ending(ConnectionEnding.RESET, CloseTiming.AS_NEXT_REQUEST_ARRIVES).build());
        HttpToolExecutor executor = executor("GET");

        // a call reuses the last call's connection once the pool has it back: call until three have
        for (int i = 0; i < 20 && service.requestsDroppedOnReusedConnections() < 3; i++) {
            assertThat(run(executor)).isEqualTo("{\"status\":\"shipped\"}");
        }

        assertThat(service.requestsDroppedOnReusedConnections()).isEqualTo(3);
    }

    @Test
    void aPostToolSurvivesAServiceThatAnnouncesItsLastRequestPerConnection() {
        service = start(ConnectionConduct.builder().maxRequestsPerConnection(2, true).build());
        HttpToolExecutor executor = executor("POST");

        for (int i = 0; i < 6; i++) {
            assertThat(run(executor)).isEqualTo("{\"status\":\"shipped\"}");
        }

        assertThat(service.connectionsAccepted()).isEqualTo(3);
        assertThat(service.requestsDropped()).isZero();
    }

    @Test
    void aPostToolSurvivesAServiceThatClosesIdleConnections() throws InterruptedException {
        service = start(ConnectionConduct.builder().idleTimeout(Duration.ofMillis(50)).build());
        HttpToolExecutor executor = executor("POST");

        for (int i = 0; i < 3; i++) {
            assertThat(run(executor)).isEqualTo("{\"status\":\"shipped\"}");
            Thread.sleep(300); // well past the service's idle timeout: it has closed the connection
        }

        assertThat(service.connectionsAccepted()).as("a new connection each time").isEqualTo(3);
        assertThat(service.requestsDropped()).isZero();
    }

    @Test
    void aPostToolWhoseRequestMeetsTheServicesCloseIsNotRepeated() {
        service = start(ConnectionConduct.builder().maxRequestsPerConnection(1, false)
                .ending(ConnectionEnding.RESET, CloseTiming.AS_NEXT_REQUEST_ARRIVES).build());
        HttpToolExecutor executor = executor("POST");
        run(executor);

        assertThatThrownBy(() -> run(executor)).isInstanceOf(ToolException.class)
                .hasMessageStartingWith("Tool '" + TOOL + "': ");
        assertThat(service.requests()).as("sent once: the service may have acted on it").hasSize(2);
    }

    private static LoopbackHttpServer start(ConnectionConduct conduct) {
        return LoopbackHttpServer.start(conduct, request -> LoopbackResponse.ok("application/json",
                "{\"status\":\"shipped\"}"));
    }

    private HttpToolExecutor executor(String method) {
        return new HttpToolExecutor(HttpToolConfig.builder(service.url("/orders/{order_id}")).method(method)
                .timeout(Duration.ofSeconds(5)).build(), Map.of());
    }

    private static String run(HttpToolExecutor executor) {
        ToolCall call = ToolCall.fromRawArguments("call-1", TOOL, "{\"order_id\":\"42\"}");
        return executor.execute(call, new ToolContext("conv-1", "call-1", TOOL)).block(Duration.ofSeconds(10));
    }
}
