/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.pack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.autoconfigure.PromptKitContextRunners;
import dev.promptkit.autoconfigure.StartupFailures;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class PackFailureAnalyzerTests {

    private final ApplicationContextRunner contextRunner = PromptKitContextRunners.withMockProvider();

    @Test
    void malformedJsonIsExplainedWithTheFileLineAndColumn() {
        FailureAnalysis analysis = analysis("promptkit.pack=classpath:malformed/malformed.pack.json");

        assertThat(analysis.getDescription()).startsWith("PromptKit could not load the pack "
                + "classpath:malformed/malformed.pack.json:").contains("    malformed JSON at line 3, column 3: ")
                .doesNotContain("Invalid pack");
        assertThat(analysis.getAction()).startsWith("Correct classpath:malformed/malformed.pack.json where the "
                + "message says");
    }

    @Test
    void schemaViolationsAreListedWithTheirJsonPointers() {
        FailureAnalysis analysis = analysis("promptkit.pack=classpath:broken/broken.pack.json");

        assertThat(analysis.getDescription()).contains("classpath:broken/broken.pack.json")
                .containsPattern("\\n    /prompts/chat/version: .*");
        assertThat(analysis.getAction()).contains("JSON pointer");
    }

    @Test
    void aMissingPackNamesThePropertyThatPointsAtIt() {
        FailureAnalysis analysis = analysis("promptkit.packs.support=classpath:packs/suport.pack.json");

        assertThat(analysis.getDescription()).contains("classpath:packs/suport.pack.json")
                .contains("no such resource (promptkit.packs.support)");
        assertThat(analysis.getAction()).contains("src/main/resources").contains("promptkit.pack");
    }

    private FailureAnalysis analysis(String... properties) {
        return StartupFailures.analysis(contextRunner.withPropertyValues(properties), new PackFailureAnalyzer());
    }
}
