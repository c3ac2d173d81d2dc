/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool.mcp;

import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpClientTransport;
import java.net.http.HttpRequest;
import reactor.core.publisher.Mono;

/**
 * An SDK transport built from a server's configuration, with {@code lost}: a signal that errors as
 * soon as the transport is known to be dead (a process that failed to start or exited, an SSE event stream
 * that failed or ended). Streamable-HTTP servers have no such signal; their failures surface on the next
 * request.
 */
record TransportLink(McpClientTransport transport, Mono<Void> lost) {

    static TransportLink open(McpServerConfig server, McpJsonMapper json) {
        if (server.transport() instanceof McpTransportConfig.Stdio stdio) {
            ServerProcessTransport process = new ServerProcessTransport(server, stdio, json);
            return new TransportLink(process, process.lost());
        }
        if (server.transport() instanceof McpTransportConfig.Sse sse) {
            SseClientTransport events = new SseClientTransport(server, sse, json);
            return new TransportLink(events, events.lost());
        }
        McpTransportConfig.StreamableHttp http = (McpTransportConfig.StreamableHttp) server.transport();
        HttpRequest.Builder requests = HttpRequest.newBuilder();
        http.headers().forEach(requests::header);
        String url = http.url().toString();
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(url)
                .endpoint(url)
                .requestBuilder(requests)
                .connectTimeout(server.initTimeout())
                .jsonMapper(json)
                .build();
        return new TransportLink(transport, Mono.never());
    }
}
