/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The README's "Your own app in five minutes" shows the files of {@code examples/minimal} (which the build compiles
 * and tests) character for character, so that its snippets work as written.
 */
class FiveMinuteAppReadmeTests {

    private static final Path ROOT = Path.of("..");

    @ParameterizedTest
    @ValueSource(strings = { "pom.xml", "src/main/resources/assistant.pack.json", "src/main/resources/application.yml",
            "src/main/resources/mock-responses.yaml", "src/main/java/com/example/assistant/AssistantApplication.java",
            "src/main/java/com/example/assistant/Assistant.java", "src/main/java/com/example/assistant/Weather.java" })
    void theReadmeShowsTheExamplesFileAsItIs(String file) throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        String section = readme.substring(readme.indexOf("## Your own app in five minutes"),
                readme.indexOf("## What you get"));

        assertThat(codeBlockAfter(section, "**`" + file + "`**")).as(file)
                .isEqualTo(Files.readString(ROOT.resolve("examples/minimal").resolve(file)));
    }

    @Test
    void everyFileTheAppIsMadeOfIsShown() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        Path example = ROOT.resolve("examples/minimal");
        try (Stream<Path> files = Files.walk(example.resolve("src/main"))) {
            assertThat(files.filter(Files::isRegularFile).map(path -> example.relativize(path).toString()))
                    .isNotEmpty().allSatisfy(file -> assertThat(readme).contains("**`" + file + "`**"));
        }
    }

    /** The text of the first fenced code block after the heading. */
    private static String codeBlockAfter(String text, String heading) {
        int at = text.indexOf(heading);
        assertThat(at).as("the README shows " + heading).isNotNegative();
        int fence = text.indexOf("```", at);
        int start = text.indexOf('\n', fence) + 1;
        int end = text.indexOf("```", start);
        return text.substring(start, end);
    }
}
