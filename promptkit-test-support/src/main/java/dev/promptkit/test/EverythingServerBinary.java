/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.test;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The real MCP test server {@code @modelcontextprotocol/server-everything}, installed globally with npm at a pinned
 * version (its tool names change between versions). A test that needs it is skipped, with the command that installs
 * it, when it is missing; with {@code CI=true} it fails instead.
 */
public final class EverythingServerBinary {

    /** The version the tests are written against. */
    public static final String VERSION = "2026.8.31";

    /** The command that installs it. */
    public static final String INSTALL = "npm install -g @modelcontextprotocol/server-everything@" + VERSION;

    private static final String BINARY = "mcp-server-everything";
    private static final Pattern VERSION_FIELD = Pattern.compile("\"version\"\\s*:\\s*\"([^\"]+)\"");

    private EverythingServerBinary() {
    }

    /** The installed binary; skips (or with {@code CI=true} fails) the calling test when it is missing or another version. */
    public static Path path() {
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

    private static void unavailable(String reason) {
        String message = reason + "; install the MCP test server with: " + INSTALL;
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(message + " (required when CI=true)");
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
            Matcher version = VERSION_FIELD.matcher(Files.readString(packageJson));
            return version.find() ? version.group(1) : "unknown (no version in " + packageJson + ")";
        }
        catch (IOException | RuntimeException unreadable) {
            return "unknown (" + unreadable.getMessage() + ")";
        }
    }
}
