/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool.mcp;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real {@code @modelcontextprotocol/server-everything}, installed globally with npm at a pinned
 * version (its tool names change between versions). Tests that need it are skipped when it is missing,
 * except on CI ({@code CI=true}), where they fail.
 */
final class EverythingServer {

    static final String VERSION = "2026.8.31";

    static final String INSTALL = "npm install -g @modelcontextprotocol/server-everything@" + VERSION;

    private static final String BINARY = "mcp-server-everything";

    private EverythingServer() {
    }

    /** The installed binary; skips (or on CI fails) the calling test when it is missing or another version. */
    static Path binary() {
        if (onPath("node").isEmpty()) {
            unavailable("node is not on the PATH");
        }
        Path binary = onPath(BINARY).orElse(null);
        if (binary == null) {
            unavailable(BINARY + " is not on the PATH");
        }
        String installed = installedVersion(binary);
        if (!VERSION.equals(installed)) {
            unavailable(binary + " is version " + installed + ", the tests need " + VERSION);
        }
        return binary;
    }

    static McpTransportConfig.Stdio stdio() {
        return McpTransportConfig.stdio(binary().toString());
    }

    /** Serves streamable HTTP on a free loopback port until closed. */
    static Http startStreamableHttp() throws IOException, InterruptedException {
        return Http.start(binary(), freePort());
    }

    private static void unavailable(String reason) {
        String message = reason + "; install the MCP test server with: " + INSTALL;
        if ("true".equals(System.getenv("CI"))) {
            fail(message + " (required when CI=true)");
        }
        Assumptions.abort(message);
    }

    private static Optional<Path> onPath(String command) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Stream.of(path.split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, command))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** The version in the package.json of the npm package the binary links into ({@code <package>/dist/index.js}). */
    private static String installedVersion(Path binary) {
        try {
            Path packageJson = binary.toRealPath().getParent().getParent().resolve("package.json");
            return JsonMapper.shared().readTree(packageJson.toFile()).path("version").asString("unknown");
        }
        catch (IOException | RuntimeException unreadable) {
            return "unknown (" + unreadable.getMessage() + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** A streamable-HTTP server process: {@code mcp-server-everything streamableHttp} with {@code PORT} set. */
    static final class Http implements AutoCloseable {

        private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

        private final Path binary;
        private final int port;
        private final Path log;
        private Process process;

        private Http(Path binary, int port) throws IOException {
            this.binary = binary;
            this.port = port;
            this.log = Files.createTempFile("mcp-everything-http", ".log");
        }

        static Http start(Path binary, int port) throws IOException, InterruptedException {
            Http http = new Http(binary, port);
            http.restart();
            return http;
        }

        String url() {
            return "http://127.0.0.1:" + port + "/mcp";
        }

        /** Starts the process (again, on the same port) and waits until it listens. */
        void restart() throws IOException, InterruptedException {
            ProcessBuilder builder = new ProcessBuilder(binary.toString(), "streamableHttp")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().put("PORT", Integer.toString(port));
            process = builder.start();
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            while (!listening()) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    stop();
                    fail("the streamable-HTTP MCP server did not listen on port " + port + ": "
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
