/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The typed model covers the whole v1.4.0 format: every section reads into records and serialises back unchanged. */
class PackModelTests {

    private static final String FULL_FORMAT = "/dev/promptkit/pack/full-format.pack.json";

    private final Pack pack = PackLoader.loadResource(FULL_FORMAT);

    @Test
    void keepsEveryFieldOfEverySection() throws IOException {
        RoundTrip.assertPreserves(SharedPacksTests.readTree(FULL_FORMAT), pack);
    }

    @Test
    void readsPackLevelSections() {
        assertThat(pack.schema()).isEqualTo("https://promptpack.org/schema/latest/promptpack.schema.json");
        assertThat(pack.version()).isEqualTo("v2.1.0-beta.1+build.7");
        assertThat(pack.templateEngine()).isEqualTo(new TemplateEngine("v1", "{{variable}}",
                List.of("basic_substitution", "fragments")));
        assertThat(pack.prompts()).containsOnlyKeys("support", "triage");
        assertThat(pack.prompts().keySet()).containsExactly("support", "triage");
        assertThat(pack.fragments()).containsEntry("preamble", "You work for {{company}}.");
        assertThat(pack.tools().get("lookup_order").parameters().at("/properties/order_id/pattern").asString())
                .isEqualTo("^[0-9]+$");
        assertThat(pack.tools().get("create_ticket").parameters()).isNull();

        assertThat(pack.metadata().costEstimate().avgCostUsd()).isEqualByComparingTo("0.01");
        assertThat(pack.metadata().costEstimate().extra()).containsEntry("currency_note", "list prices");
        assertThat(pack.metadata().extra()).containsOnlyKeys("owner", "revision").containsEntry("revision", 7);
        assertThat(pack.compilation().createdAt()).isEqualTo("2026-02-01T10:00:00Z");
        assertThat(pack.compilation().extra()).containsEntry("checksum", "sha256:abc");
        assertThat(pack.evals()).singleElement().satisfies(eval -> {
            assertThat(eval.enabled()).isTrue();
            assertThat(eval.samplePercentage()).isEqualTo(Eval.DEFAULT_SAMPLE_PERCENTAGE);
        });
    }

    @Test
    void readsWorkflowAgentsAndSkills() {
        WorkflowConfig workflow = pack.workflow();
        assertThat(workflow.entry()).isEqualTo("triage");
        assertThat(workflow.states().get("triage").onEvent()).containsEntry("needs_help", "support");
        WorkflowState support = workflow.states().get("support");
        assertThat(support.maxVisits()).isEqualTo(5);
        assertThat(support.artifacts().get("ticket_id").mode()).isEqualTo("replace");
        assertThat(support.artifacts().get("log").mode()).isEqualTo("append");
        assertThat(workflow.states().get("closing").terminal()).isTrue();
        assertThat(workflow.engine().budget()).isEqualTo(new WorkflowBudget(20, 50, 600));
        assertThat(workflow.engine().extra()).containsEntry("timeout_sec", 30).containsKey("concurrency");

        assertThat(pack.agents().members().get("triage").outputModes()).containsExactly("application/json");
        assertThat(pack.agents().members().get("support").inputModes()).isEqualTo(AgentDef.DEFAULT_MODES);

        assertThat(pack.skills()).containsExactly(
                new SkillReference("./skills"),
                new SkillPathSource("@acme/billing-skills", true),
                new SkillPathSource("./skills/lazy", false),
                new InlineSkill("escalation", "How to escalate", "Ask for the case number first."));
    }

    @Test
    void readsPromptSections() {
        Prompt prompt = pack.prompt("support").orElseThrow();
        VariableDef name = prompt.variables().get(0);
        assertThat(name.validation().pattern()).isEqualTo("^[A-Z][a-z]+$");
        assertThat(name.binding()).isEqualTo(new VariableBinding("session", "user_name", true, "trim"));
        VariableDef tier = prompt.variables().get(1);
        assertThat(tier.defaultValue().asInt()).isEqualTo(1);
        assertThat(tier.validation().maximum()).isEqualByComparingTo(new BigDecimal("3.5"));
        assertThat(tier.validation().enumValues()).hasSize(3);
        assertThat(prompt.toolPolicy()).isEqualTo(new ToolPolicy("required", 3, 4, List.of("create_ticket")));
        assertThat(prompt.pipeline().middleware().get(0).config()).containsEntry("timeout_ms", 2500);
        assertThat(prompt.parameters().topK()).isNull();
        assertThat(prompt.parameters().toModelParameters().presencePenalty()).isEqualTo(1.0);
        assertThat(prompt.validators().get(0).enabled()).isTrue();
        assertThat(prompt.validators().get(1).failOnViolation()).isTrue();
        assertThat(prompt.evals().get(0).metric().range().extra()).containsEntry("step", 1);
        assertThat(prompt.evals().get(0).metric().extra()).containsEntry("unit", "score");
        assertThat(prompt.evals().get(0).threshold()).isEqualTo(new EvalThreshold("gte", 4.0));
        assertThat(prompt.testedModels().get(0).avgLatencyMs()).isEqualTo(1350.5);
        assertThat(prompt.modelOverrides().get("claude-3-opus").parameters().temperature()).isEqualTo(0.2);
        assertThat(prompt.modelOverrides().get("gpt-4o-mini").parameters()).isNull();
    }

    @Test
    void readsMedia() {
        MediaConfig media = pack.prompt("support").orElseThrow().media();
        assertThat(media.image().requireCaption()).isTrue();
        assertThat(media.video().requireMetadata()).isFalse();
        assertThat(media.document().extractionMode()).isEqualTo("structured");
        assertThat(media.customTypes()).containsOnlyKeys("model3d");
        GenericMediaTypeConfig model3d = media.customTypes().get("model3d");
        assertThat(model3d.validationParams()).containsEntry("max_vertices", 100000);
        assertThat(model3d.extra()).containsEntry("viewer", "three.js");
        List<MultimodalExample.ContentPart> parts = media.examples().get(0).parts();
        assertThat(parts).extracting(MultimodalExample.ContentPart::type)
                .containsExactly("text", "image", "audio", "document");
        assertThat(parts.get(1).media().detail()).isEqualTo("low");
        assertThat(parts.get(3).media().base64()).isEqualTo("JVBERi0=");
    }

    @Test
    void fillsDefaultsAndEmptyCollectionsWhenAbsent() {
        Prompt triage = pack.prompt("triage").orElseThrow();
        assertThat(triage.variables()).isEmpty();
        assertThat(triage.tools()).isEmpty();
        assertThat(triage.validators()).isEmpty();
        assertThat(triage.evals()).isEmpty();
        assertThat(triage.testedModels()).isEmpty();
        assertThat(triage.modelOverrides()).isEmpty();
        assertThat(triage.toolPolicy()).isEqualTo(ToolPolicy.DEFAULT);
        assertThat(triage.parameters()).isEqualTo(Parameters.NONE);
        assertThat(triage.pipeline()).isNull();
        assertThat(triage.media()).isNull();
        assertThat(pack.prompt("missing")).isEmpty();
    }

    @Test
    void isImmutable() {
        assertThat(pack.prompts()).isUnmodifiable();
        assertThat(pack.skills()).isUnmodifiable();
        assertThat(pack.metadata().extra()).isUnmodifiable();
        assertThat(pack.prompt("support").orElseThrow().validators().get(0).params()).isUnmodifiable();
    }

    static Stream<Named<JsonNode>> schemaExamples() throws IOException {
        JsonNode examples = SharedPacksTests.readTree("/dev/promptkit/pack/promptpack.schema.json").get("examples");
        assertThat(examples).isNotEmpty();
        return examples.valueStream().map(example -> Named.of(example.get("id").asString(), example));
    }

    @ParameterizedTest
    @MethodSource("schemaExamples")
    void keepsEverythingOfTheSchemasOwnExamples(JsonNode example) {
        byte[] document = JsonMapper.shared().writeValueAsBytes(example);

        Pack loaded = PackLoader.load(new ByteArrayInputStream(document), "schema example");

        RoundTrip.assertPreserves(example, loaded);
    }
}
