/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialSourceTests {

    @TempDir
    Path dir;

    @Test
    void readsALiteralAnEnvironmentVariableAndAFile() throws IOException {
        Path file = Files.writeString(dir.resolve("key"), "sk-from-file-0123\n");
        Map<String, String> environment = Map.of("AZURE_OPENAI_API_KEY", "sk-from-env-4567");

        assertThat(CredentialSource.literal("sk-literal-89").resolve()).isEqualTo("sk-literal-89");
        assertThat(CredentialSource.env("AZURE_OPENAI_API_KEY", environment::get).resolve())
                .isEqualTo("sk-from-env-4567");
        assertThat(CredentialSource.file(file).resolve()).as("without the trailing line break")
                .isEqualTo("sk-from-file-0123");
    }

    @Test
    void readsAFileAfreshEachTime() throws IOException {
        Path file = Files.writeString(dir.resolve("key"), "first");
        CredentialSource source = CredentialSource.file(file);
        assertThat(source.resolve()).isEqualTo("first");

        Files.writeString(file, "rotated");

        assertThat(source.resolve()).isEqualTo("rotated");
    }

    @Test
    void parsesPrefixes() throws IOException {
        Path file = Files.writeString(dir.resolve("sa.json"), "{\"type\": \"service_account\"}");

        assertThat(CredentialSource.parse("file:" + file).resolve()).isEqualTo("{\"type\": \"service_account\"}");
        assertThat(CredentialSource.parse("env:PROMPTKIT_SURELY_UNSET_VARIABLE"))
                .hasToString("the environment variable PROMPTKIT_SURELY_UNSET_VARIABLE");
        assertThat(CredentialSource.parse("sk-plain").resolve()).isEqualTo("sk-plain");
    }

    @Test
    void saysWhereTheValueComesFromAndNeverTheValue() {
        assertThat(CredentialSource.literal("sk-secret-value")).hasToString("a literal value");
        assertThat(CredentialSource.file(Path.of("/run/secrets/key"))).hasToString("the file /run/secrets/key");
    }

    @Test
    void namesTheMissingVariableOrFile() {
        assertThatThrownBy(() -> CredentialSource.env("AZURE_OPENAI_API_KEY", name -> null).resolve())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the environment variable AZURE_OPENAI_API_KEY is not set");
        Path missing = dir.resolve("missing.json");
        assertThatThrownBy(() -> CredentialSource.file(missing).resolve())
                .isInstanceOf(UncheckedIOException.class)
                .hasMessage("the credential file " + missing + " cannot be read: NoSuchFileException");
    }
}
