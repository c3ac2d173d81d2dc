/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The PromptPack specification's own published examples (test resources {@code spec-examples/}) load: prompts naming
 * tools the pack does not define, and prompts naming other prompts as tools, are warnings, not errors.
 */
class SpecExamplesTests {

    @Test
    void customerSupportLoadsWithAWarningPerUndefinedTool() {
        Pack pack = PackLoader.loadResource("spec-examples/customer-support.pack.json");

        assertThat(pack.prompts()).containsOnlyKeys("support", "technical", "billing");
        assertThat(pack.warnings()).allSatisfy(warning -> {
            assertThat(warning.source()).isEqualTo("classpath:spec-examples/customer-support.pack.json");
            assertThat(warning.message()).contains("is not defined in the pack's tools [lookup_customer, create_ticket]");
        });
        assertThat(pack.warnings()).extracting(PackWarning::pointer).containsExactly(
                "/prompts/billing/tools/0", "/prompts/billing/tools/1", "/prompts/billing/tools/2",
                "/prompts/technical/tools/0", "/prompts/technical/tools/1");
        assertThat(pack.warnings()).extracting(PackWarning::message).map(message -> message.split("'")[1])
                .containsExactly("lookup_account", "process_payment", "generate_invoice", "run_diagnostic",
                        "access_knowledge_base");
        assertThat(ToolReferences.undefinedTools(pack)).containsExactly("run_diagnostic", "access_knowledge_base",
                "lookup_account", "process_payment", "generate_invoice");
    }

    @Test
    void researchCrewLoadsItsPromptsAsAgentToolsWithoutWarnings() {
        Pack pack = PackLoader.loadResource("spec-examples/research-crew.pack.json");

        assertThat(pack.warnings()).isEmpty();
        assertThat(ToolReferences.agentTools(pack)).containsExactly("fact_checker", "writer", "researcher");
        assertThat(ToolReferences.undefinedTools(pack)).isEmpty();
        assertThat(pack.agents().members().get("fact_checker").description())
                .startsWith("Verifies factual claims");
    }
}
