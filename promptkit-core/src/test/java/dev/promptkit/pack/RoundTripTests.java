/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pack;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The {@link RoundTrip} comparison is not vacuous: it catches a lost member and a non-default addition. */
class RoundTripTests {

    private final Pack pack = PackLoader.loadResource("packs/tools-tools.pack.json");

    @Test
    void acceptsTheOriginalDocument() {
        assertThatCode(() -> RoundTrip.assertPreserves(SharedPacksTests.readTree("/packs/tools-tools.pack.json"), pack))
                .doesNotThrowAnyException();
    }

    @Test
    void catchesAMemberTheModelWouldLose() throws Exception {
        ObjectNode original = (ObjectNode) SharedPacksTests.readTree("/packs/tools-tools.pack.json");
        original.put("description", "something else");

        assertThatThrownBy(() -> RoundTrip.assertPreserves(original, pack)).hasMessageContaining("/description");
    }

    @Test
    void catchesAnAddedValueThatIsNotADefault() throws Exception {
        JsonNode original = SharedPacksTests.readTree("/packs/tools-tools.pack.json");
        Prompt prompt = pack.prompts().values().iterator().next();
        Prompt changed = new Prompt(prompt.id(), prompt.name(), prompt.description(), prompt.version(),
                prompt.systemTemplate(), prompt.variables(), prompt.tools(),
                new ToolPolicy("required", null, null, null), prompt.pipeline(), prompt.parameters(),
                prompt.validators(), prompt.evals(), prompt.testedModels(), prompt.modelOverrides(), prompt.media());
        Pack altered = new Pack(pack.schema(), pack.id(), pack.name(), pack.version(), pack.description(),
                pack.templateEngine(), Map.of(pack.prompts().keySet().iterator().next(), changed),
                pack.fragments(), pack.tools(), pack.metadata(), pack.compilation(), pack.evals(), pack.workflow(),
                pack.agents(), pack.skills(), pack.warnings());

        assertThatThrownBy(() -> RoundTrip.assertPreserves(original, altered)).hasMessageContaining("tool_choice");
    }
}
