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
import java.util.ArrayList;
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
 * (SIGKILL) loses it. {@link #close()} kills the process and deletes the directory. Extra options make it a
 * cluster node or a replica ({@link PrivateRedisCluster}), and {@link #startSentinelOrSkip} starts a Sentinel
 * ({@link PrivateRedisSentinel}); Sentinel mode is part of the {@code redis-server} program.
 *
 * <p>{@link #startOrSkip()} skips the test (JUnit assumption) with the reason when {@code redis-server} is
 * not on the {@code PATH}, and fails it instead when {@code CI=true}.
 */
public final class PrivateRedisServer implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(10);

    private final Path executable;
    private final Path directory;
    private final int port;
    private final List<String> options;
    private final String sentinelConfiguration;
    private Process process;

    private PrivateRedisServer(Path executable, Path directory, int port, List<String> options,
            String sentinelConfiguration) {
        this.executable = executable;
        this.directory = directory;
        this.port = port;
        this.options = options;
        this.sentinelConfiguration = sentinelConfiguration;
    }

    /** Starts a private server, or skips the calling test without {@code redis-server} (fails on CI). */
    public static PrivateRedisServer startOrSkip() {
        return startOrSkip(List.of(), null);
    }

    /**
     * Starts a private server with {@code options} after the defaults (such as {@code --cluster-enabled yes}), or
     * skips the calling test without {@code redis-server} (fails on CI).
     */
    public static PrivateRedisServer startOrSkip(String... options) {
        return startOrSkip(List.of(options), null);
    }

    /**
     * Starts a Sentinel whose configuration file holds its port, its directory and then {@code configuration}
     * (the {@code sentinel monitor …} lines), or skips the calling test without {@code redis-server}.
     */
    public static PrivateRedisServer startSentinelOrSkip(String configuration) {
        return startOrSkip(List.of(), configuration);
    }

    private static PrivateRedisServer startOrSkip(List<String> options, String sentinelConfiguration) {
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
                PrivateRedisServer server = new PrivateRedisServer(executable, directory, freePort(), options,
                        sentinelConfiguration);
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
            process = new ProcessBuilder(commandLine())
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

    private List<String> commandLine() throws IOException {
        if (sentinelConfiguration != null) {
            Path file = directory.resolve("sentinel.conf");
            if (!Files.exists(file)) { // a Sentinel rewrites its file as it learns; a restart keeps what it knew
                Files.writeString(file, "port " + port + "\nbind " + host() + "\ndir " + directory + "\n"
                        + sentinelConfiguration + "\n");
            }
            return List.of(executable.toString(), file.toString(), "--sentinel");
        }
        List<String> commandLine = new ArrayList<>(List.of(executable.toString(), "--port", Integer.toString(port),
                "--bind", host(), "--save", "", "--appendonly", "no", "--dir", directory.toString()));
        commandLine.addAll(options);
        return commandLine;
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

    /** Sends a command (name first) on a connection of its own and returns the decoded reply ({@link RedisWire}). */
    public Object call(String... arguments) throws IOException {
        return RedisWire.send(host(), port, arguments);
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
