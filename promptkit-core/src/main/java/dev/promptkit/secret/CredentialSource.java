/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.secret;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Where a key or credential comes from: a literal value, an environment variable or a file (a mounted secret, a
 * service account's JSON key). It is read when {@link #resolve()} is called, so that a rotated file is read
 * afresh. {@link #toString()} says where the value comes from, never the value.
 *
 * <pre>{@code
 * CredentialSource key = CredentialSource.parse("env:AZURE_OPENAI_API_KEY");
 * CredentialSource json = CredentialSource.parse("file:/var/run/secrets/vertex-sa.json");
 * }</pre>
 *
 * @since 0.1.0
 */
public final class CredentialSource {

    /** The prefix of an environment variable in {@link #parse}. */
    public static final String ENV_PREFIX = "env:";
    /** The prefix of a file in {@link #parse}. */
    public static final String FILE_PREFIX = "file:";

    private final String description;
    private final Supplier<String> reader;

    private CredentialSource(String description, Supplier<String> reader) {
        this.description = description;
        this.reader = reader;
    }

    /** The value itself. */
    public static CredentialSource literal(String value) {
        Objects.requireNonNull(value, "value");
        return new CredentialSource("a literal value", () -> value);
    }

    /** The value of the environment variable {@code name}, read from the process environment. */
    public static CredentialSource env(String name) {
        return env(name, System::getenv);
    }

    /** The value of the variable {@code name} in {@code environment} (tests, a Spring {@code Environment}). */
    public static CredentialSource env(String name, UnaryOperator<String> environment) {
        Objects.requireNonNull(name, "name");
        return new CredentialSource("the environment variable " + name, () -> {
            String value = environment.apply(name);
            if (value == null || value.isBlank()) {
                throw new IllegalStateException("the environment variable " + name + " is not set");
            }
            return value;
        });
    }

    /** The content of {@code file} (UTF-8, without a trailing line break). */
    public static CredentialSource file(Path file) {
        Objects.requireNonNull(file, "file");
        return new CredentialSource("the file " + file, () -> {
            try {
                return Files.readString(file, StandardCharsets.UTF_8).stripTrailing();
            }
            catch (IOException e) {
                throw new UncheckedIOException("the credential file " + file + " cannot be read: "
                        + e.getClass().getSimpleName(), e);
            }
        });
    }

    /**
     * {@code env:NAME} for an environment variable, {@code file:PATH} for a file, anything else for the literal
     * value.
     */
    public static CredentialSource parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.startsWith(ENV_PREFIX)) {
            return env(text.substring(ENV_PREFIX.length()).trim());
        }
        if (text.startsWith(FILE_PREFIX)) {
            return file(Path.of(text.substring(FILE_PREFIX.length()).trim()));
        }
        return literal(text);
    }

    /**
     * The value, read now.
     *
     * @throws IllegalStateException if the environment variable is not set
     * @throws UncheckedIOException if the file cannot be read
     */
    public String resolve() {
        return reader.get();
    }

    /** Where the value comes from, such as "the environment variable AZURE_OPENAI_API_KEY". */
    @Override
    public String toString() {
        return description;
    }
}
