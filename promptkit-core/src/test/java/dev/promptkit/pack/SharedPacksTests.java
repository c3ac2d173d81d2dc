/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every real pack from the original project loads, keeps all it holds, and loads again from its own serialised form.
 */
class SharedPacksTests {

    /** The shared folder, relative to the module directory (the working directory of the tests). */
    private static final Path SHARED_PACKS = Path.of("../../shared/promptpack/packs");

    static Stream<String> bundledPacks() throws IOException, URISyntaxException {
        Path folder = Path.of(Objects.requireNonNull(SharedPacksTests.class.getResource("/packs")).toURI());
        try (Stream<Path> files = Files.list(folder)) {
            List<String> names = files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".pack.json")).sorted().toList();
            assertThat(names).isNotEmpty();
            return names.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("bundledPacks")
    void loadsFromTheClasspathAndKeepsEverything(String fileName) throws IOException {
        Pack pack = PackLoader.loadResource("packs/" + fileName);

        assertThat(pack.id()).isNotBlank();
        assertThat(pack.prompts()).isNotEmpty();
        pack.prompts().values().forEach(prompt -> assertThat(prompt.systemTemplate()).isNotBlank());
        RoundTrip.assertPreserves(readTree("/packs/" + fileName), pack);
    }

    @ParameterizedTest
    @MethodSource("bundledPacks")
    void loadsItsOwnSerialisedFormToAnEqualPack(String fileName) {
        Pack pack = PackLoader.loadResource("packs/" + fileName);
        byte[] serialised = JsonMapper.shared().writeValueAsBytes(pack);

        Pack again = PackLoader.load(new ByteArrayInputStream(serialised), fileName + " (serialised)");

        assertThat(again).isEqualTo(pack);
    }

    @Test
    void everyPackInTheSharedFolderLoads() throws IOException {
        if (!Files.isDirectory(SHARED_PACKS)) {
            assertThat(System.getenv("CI"))
                    .as("the shared packs folder %s must exist on CI", SHARED_PACKS.toAbsolutePath().normalize())
                    .isNotEqualTo("true");
            Assumptions.abort("No shared packs folder at " + SHARED_PACKS.toAbsolutePath().normalize());
        }
        try (Stream<Path> files = Files.list(SHARED_PACKS)) {
            List<Path> packs = files.filter(f -> f.getFileName().toString().endsWith(".pack.json")).sorted().toList();
            assertThat(packs).isNotEmpty();
            packs.forEach(file -> assertThatCode(() -> PackLoader.load(file)).as(file.toString())
                    .doesNotThrowAnyException());
        }
    }

    static JsonNode readTree(String resource) throws IOException {
        try (var in = SharedPacksTests.class.getResourceAsStream(resource)) {
            return JsonMapper.shared().readTree(Objects.requireNonNull(in, resource));
        }
    }
}
