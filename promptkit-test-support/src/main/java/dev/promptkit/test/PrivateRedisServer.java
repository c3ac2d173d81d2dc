/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.test;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A {@code redis-server} process of the test's own, on a free loopback port, for tests that stop, restart
 * or pause Redis (which a shared server or a container must not be put through). It runs with
 * {@code --save "" --appendonly no} in a private temporary directory: nothing is written on its own, but
 * {@link #stop()} shuts it down with {@code SHUTDOWN SAVE}, so a {@link #start() restart} on the same port
 * comes back with the same data, as a persistent Redis does after a graceful restart; {@link #kill()}
 * loses it. {@link #close()} kills the process and deletes the directory.
 *
 * <p>{@link #startOrSkip()} skips the test (JUnit assumption) with the reason when {@code redis-server} is
 * not on the {@code PATH}, and fails it instead when {@code CI=true}.
 */
public final class PrivateRedisServer implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(10);

    private final Path executable;
    private final Path directory;
    private final int port;
    private Process process;

    private PrivateRedisServer(Path executable, Path directory, int port) {
        this.executable = executable;
        this.directory = directory;
        this.port = port;
    }

    /** Starts a private server, or skips the calling test without {@code redis-server} (fails on CI). */
    public static PrivateRedisServer startOrSkip() {
        Path executable = findOnPath("redis-server");
        if (executable == null) {
            String reason = "Needs redis-server on the PATH to start a private Redis (install the redis-server"
                    + " package); PATH=" + System.getenv("PATH");
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true and these tests need redis-server: " + reason);
            }
            Assumptions.abort(reason);
        }
        try {
            Path directory = Files.createTempDirectory("promptkit-redis-");
            IllegalStateException last = null;
            for (int attempt = 0; attempt < 3; attempt++) {
                PrivateRedisServer server = new PrivateRedisServer(executable, directory, freePort());
                try {
                    server.start();
                    return server;
                }
                catch (IllegalStateException portTakenMeanwhile) {
                    server.kill();
                    last = portTakenMeanwhile;
                }
            }
            throw last;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public int port() {
        return port;
    }

    public String host() {
        return "127.0.0.1";
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Starts (or restarts) the server on its port and waits until it answers {@code PING}. */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        try {
            process = new ProcessBuilder(executable.toString(), "--port", Integer.toString(port), "--bind", host(),
                    "--save", "", "--appendonly", "no", "--dir", directory.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("redis.log").toFile()))
                    .start();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("could not start " + executable, ex);
        }
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("redis-server exited with " + process.exitValue() + " on port " + port
                        + ": " + log());
            }
            try {
                if ("+PONG".equals(command("PING"))) {
                    return;
                }
            }
            catch (IOException notYet) {
                // not listening yet
            }
            sleep(20);
        }
        kill();
        throw new IllegalStateException("redis-server did not answer PING on port " + port + " within "
                + READY_TIMEOUT + ": " + log());
    }

    /** Stops the server gracefully, keeping its data for the next {@link #start()}; clients see the connection drop. */
    public synchronized void stop() {
        if (!isRunning()) {
            return;
        }
        try {
            command("SHUTDOWN SAVE");
        }
        catch (IOException closedByTheShutdown) {
            // expected: the server closes the connection as it exits
        }
        awaitExit();
    }

    /** Kills the server at once; its data is lost. */
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            awaitExit();
        }
    }

    /**
     * Sends one inline command (such as {@code CLIENT PAUSE 2000 ALL}) on a connection of its own and returns
     * the first line of the reply.
     */
    public String command(String inlineCommand) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host(), port), 1000);
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write((inlineCommand + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            String line = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            if (line == null) {
                throw new IOException("connection closed before a reply to " + inlineCommand);
            }
            return line;
        }
    }

    /** Kills the process and deletes its directory. */
    @Override
    public synchronized void close() {
        kill();
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
        catch (IOException ignored) {
            // a temporary directory left behind
        }
    }

    @Override
    public String toString() {
        return "private redis-server on " + host() + ":" + port;
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        catch (InterruptedException ex) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private String log() {
        try {
            List<String> lines = Files.readAllLines(directory.resolve("redis.log"));
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        }
        catch (IOException ex) {
            return "(no log)";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static Path findOnPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String entry : path.split(File.pathSeparator)) {
            Path candidate = Path.of(entry, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for redis-server", ex);
        }
    }
}
