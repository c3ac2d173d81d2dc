/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool.mcp;

import static org.assertj.core.api.Assertions.fail;

import dev.promptkit.test.EverythingServerBinary;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The real {@code @modelcontextprotocol/server-everything} (see {@link EverythingServerBinary}) over stdio, or
 * serving streamable HTTP or the legacy HTTP+SSE transport on a loopback port.
 */
final class EverythingServer {

    private EverythingServer() {
    }

    /** The installed binary; skips (or on CI fails) the calling test when it is missing or another version. */
    static Path binary() {
        return EverythingServerBinary.path();
    }

    static McpTransportConfig.Stdio stdio() {
        return McpTransportConfig.stdio(binary().toString());
    }

    /** Serves streamable HTTP on a free loopback port until closed. */
    static Http startStreamableHttp() throws IOException, InterruptedException {
        return Http.start(binary(), "streamableHttp", "/mcp", freePort());
    }

    /** Serves the legacy HTTP+SSE transport (event stream at {@code /sse}) on a free loopback port until closed. */
    static Http startSse() throws IOException, InterruptedException {
        return Http.start(binary(), "sse", "/sse", freePort());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** A server process on HTTP: {@code mcp-server-everything <transport>} with {@code PORT} set. */
    static final class Http implements AutoCloseable {

        private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

        private final Path binary;
        private final String transport;
        private final String path;
        private final int port;
        private final Path log;
        private Process process;

        private Http(Path binary, String transport, String path, int port) throws IOException {
            this.binary = binary;
            this.transport = transport;
            this.path = path;
            this.port = port;
            this.log = Files.createTempFile("mcp-everything-" + transport, ".log");
        }

        static Http start(Path binary, String transport, String path, int port)
                throws IOException, InterruptedException {
            Http http = new Http(binary, transport, path, port);
            http.restart();
            return http;
        }

        String url() {
            return "http://127.0.0.1:" + port + path;
        }

        /** Starts the process (again, on the same port) and waits until it listens. */
        void restart() throws IOException, InterruptedException {
            ProcessBuilder builder = new ProcessBuilder(binary.toString(), transport)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().put("PORT", Integer.toString(port));
            process = builder.start();
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            while (!listening()) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    stop();
                    fail("the " + transport + " MCP server did not listen on port " + port + ": "
                            + Files.readString(log));
                }
                Thread.sleep(50);
            }
        }

        /** Kills the process and waits for it to exit. */
        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }

        @Override
        public void close() throws IOException {
            process.destroyForcibly();
            Files.deleteIfExists(log);
        }

        private boolean listening() {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return true;
            }
            catch (IOException notYet) {
                return false;
            }
        }
    }
}
