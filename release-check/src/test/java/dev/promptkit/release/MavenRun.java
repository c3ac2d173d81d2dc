/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.release;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Maven build in a process of its own, with the Maven and JDK this build runs on, its output in a log file. The
 * provider keys of the environment are left out, so that a build meant for the mock never reaches a real model.
 */
final class MavenRun {

    /** The outcome: exit code and the log. */
    record Result(int exitCode, Path log) {

        /** The last {@code lines} lines of the log, to explain a failure. */
        String tail(int lines) {
            try {
                List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
                return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
            }
            catch (IOException ex) {
                return "(no log: " + ex.getMessage() + ")";
            }
        }
    }

    private static final List<String> PROVIDER_KEYS = List.of("OPENAI_API_KEY", "ANTHROPIC_API_KEY", "GEMINI_API_KEY",
            "GOOGLE_API_KEY", "OLLAMA_HOST", "MAVEN_ARGS", "MAVEN_GPG_KEY", "MAVEN_GPG_PASSPHRASE");
    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    private MavenRun() {
    }

    /** Runs {@code mvn args...} in {@code directory} with {@code extraEnvironment}, and waits for it. */
    static Result run(Path directory, Path log, Map<String, String> extraEnvironment, List<String> args) {
        Path mvn = Path.of(System.getProperty("maven.home"), "bin", "mvn");
        List<String> command = new ArrayList<>();
        command.add(mvn.toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        PROVIDER_KEYS.forEach(environment::remove);
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        environment.putAll(extraEnvironment);
        try {
            Files.writeString(log, "");
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT.toMinutes(), TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("mvn " + args + " in " + directory + " did not end within " + TIMEOUT
                        + "; see " + log);
            }
            return new Result(process.exitValue(), log);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot run " + mvn + ": " + ex.getMessage(), ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while mvn " + args + " ran", ex);
        }
    }
}
