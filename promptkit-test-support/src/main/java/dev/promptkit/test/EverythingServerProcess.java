/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.test;

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
 * The real {@code server-everything} (see {@link EverythingServerBinary}) serving one of its HTTP transports on a
 * free loopback port: {@code mcp-server-everything <transport>} with {@code PORT} set, its output in a temporary
 * log that a failure to start shows.
 */
public final class EverythingServerProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private final Path binary;
    private final String transport;
    private final String path;
    private final int port;
    private final Path log;
    private Process process;

    private EverythingServerProcess(String transport, String path) throws IOException {
        this.binary = EverythingServerBinary.path();
        this.transport = transport;
        this.path = path;
        this.port = freePort();
        this.log = Files.createTempFile("mcp-everything-" + transport, ".log");
    }

    /** Streamable HTTP, at {@code /mcp}. */
    public static EverythingServerProcess startStreamableHttp() throws IOException, InterruptedException {
        return start("streamableHttp", "/mcp");
    }

    /** The legacy HTTP+SSE transport, its event stream at {@code /sse}. */
    public static EverythingServerProcess startSse() throws IOException, InterruptedException {
        return start("sse", "/sse");
    }

    private static EverythingServerProcess start(String transport, String path)
            throws IOException, InterruptedException {
        EverythingServerProcess server = new EverythingServerProcess(transport, path);
        server.restart();
        return server;
    }

    /** The URL of the transport's endpoint (streamable HTTP) or event stream (SSE). */
    public String url() {
        return "http://127.0.0.1:" + port + path;
    }

    /** Starts the process (again, on the same port) and waits until it listens. */
    public void restart() throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(binary.toString(), transport)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("PORT", Integer.toString(port));
        process = builder.start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!listening()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                stop();
                throw new AssertionError("the " + transport + " MCP server did not listen on port " + port + ": "
                        + Files.readString(log));
            }
            Thread.sleep(50);
        }
    }

    /** Kills the process and waits for it to exit. */
    public void stop() throws InterruptedException {
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

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
