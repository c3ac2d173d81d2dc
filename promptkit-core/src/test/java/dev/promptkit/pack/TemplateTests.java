/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link Template} and {@link TemplateRenderer}: substitution, fragments, multi-pass resolution and its failures. */
class TemplateTests {

    private static final Map<String, String> NO_FRAGMENTS = Map.of();

    @Test
    void substitutesVariables() {
        assertThat(TemplateRenderer.render("Hello {{name}}, welcome to {{place}}!",
                Map.of("name", "Ada", "place", "Paris"), NO_FRAGMENTS))
                .isEqualTo("Hello Ada, welcome to Paris!");
    }

    @Test
    void toleratesSpacesAndTabsInsideTheBraces() {
        String template = "[{{ name }}] [{{\tname\t}}] [{{name }}]";

        assertThat(TemplateRenderer.render(template, Map.of("name", "x"), NO_FRAGMENTS)).isEqualTo("[x] [x] [x]");
    }

    @Test
    void substitutesEveryOccurrenceAndEmptyValues() {
        assertThat(TemplateRenderer.render("{{a}}-{{a}}-{{b}}.", Map.of("a", "1", "b", ""), NO_FRAGMENTS))
                .isEqualTo("1-1-.");
    }

    @Test
    void includesFragmentsThatThemselvesHoldVariablesAndFragments() {
        Map<String, String> fragments = Map.of(
                "intro", "You work for {{company}}. {{fragments.tone}}",
                "tone", "Be {{style}}.");

        assertThat(TemplateRenderer.render("{{fragments.intro}} Help {{ user }}.",
                Map.of("company", "Acme", "style", "kind", "user", "Bo"), fragments))
                .isEqualTo("You work for Acme. Be kind. Help Bo.");
    }

    @Test
    void resolvesValuesThatHoldPlaceholdersOverSeveralPasses() {
        Map<String, String> variables = Map.of(
                "greeting", "Hello {{name}}",
                "name", "{{first}} {{last}}",
                "first", "Ada",
                "last", "Lovelace");

        assertThat(TemplateRenderer.render("{{greeting}}!", variables, NO_FRAGMENTS)).isEqualTo("Hello Ada Lovelace!");
    }

    @Test
    void resolvesAChainAsLongAsThePassLimit() {
        Map<String, String> variables = new HashMap<>();
        for (int i = 1; i < Template.MAX_PASSES; i++) {
            variables.put("v" + i, "{{v" + (i + 1) + "}}");
        }
        variables.put("v" + Template.MAX_PASSES, "end");

        assertThat(TemplateRenderer.render("{{v1}}", variables, NO_FRAGMENTS)).isEqualTo("end");
    }

    @Test
    void listsEveryUnresolvedPlaceholderOnce() {
        assertThatThrownBy(() -> TemplateRenderer.render(
                "{{missing}} {{name}} {{fragments.footer}} {{ missing }} {{also_missing}}",
                Map.of("name", "{{nested}}"), Map.of()))
                .isInstanceOf(TemplateException.class)
                .hasMessage("Unresolved template placeholders: {{missing}}, {{nested}}, {{fragments.footer}}, "
                        + "{{also_missing}}")
                .asInstanceOf(type(TemplateException.class))
                .satisfies(ex -> assertThat(ex.unresolved())
                        .containsExactly("missing", "nested", "fragments.footer", "also_missing"));
    }

    @Test
    void stopsAValueThatRefersToItselfAfterThePassLimit() {
        assertThatThrownBy(() -> TemplateRenderer.render("{{loop}}", Map.of("loop", "again {{loop}}"), NO_FRAGMENTS))
                .isInstanceOf(TemplateException.class)
                .hasMessage("Template placeholders still unresolved after 10 passes (a value may refer to itself): "
                        + "{{loop}}");
    }

    @Test
    void leavesTextThatIsNotAPlaceholderAlone() {
        String text = "{{#if x}} {{}} {{ a b }} {{1st}} {single} }} {{ and {{{name}}}";

        assertThat(TemplateRenderer.render(text, Map.of("name", "N"), NO_FRAGMENTS))
                .isEqualTo("{{#if x}} {{}} {{ a b }} {{1st}} {single} }} {{ and {N}");
    }

    @Test
    void looksUpDottedNamesAsWholeVariableNames() {
        assertThat(TemplateRenderer.render("sha={{artifacts.commit_sha}}", Map.of("artifacts.commit_sha", "abc1"),
                NO_FRAGMENTS)).isEqualTo("sha=abc1");
    }

    @Test
    void saysWhichVariablesAndFragmentsATemplateReferences() {
        Template template = Template.parse("{{fragments.intro}} {{b}} {{ a }} {{b}} {{fragments.missing}}");
        Map<String, String> fragments = Map.of(
                "intro", "{{c}} {{fragments.more}}",
                "more", "{{d}} {{fragments.intro}}");

        assertThat(template.variableNames()).containsExactly("b", "a");
        assertThat(template.fragmentNames()).containsExactly("intro", "missing");
        assertThat(template.variableNames(fragments)).containsExactly("b", "a", "c", "d");
        assertThat(template.text()).startsWith("{{fragments.intro}}");
    }

    @Test
    void rendersAParsedTemplateRepeatedly() {
        Template template = Template.parse("Hi {{name}}.");

        assertThat(template.render(Map.of("name", "A"), NO_FRAGMENTS)).isEqualTo("Hi A.");
        assertThat(template.render(Map.of("name", "B"), NO_FRAGMENTS)).isEqualTo("Hi B.");
        assertThat(Template.parse("No placeholders.").render(Map.of(), NO_FRAGMENTS)).isEqualTo("No placeholders.");
    }

    @Test
    void parsesHostileInputInLinearTime() {
        String hostile = "{{ a".repeat(200_000) + "{{{{{{".repeat(100_000);

        assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThat(TemplateRenderer.render(hostile, Map.of(), NO_FRAGMENTS)).isEqualTo(hostile));
    }

    @Test
    void rendersAPromptOfARealPack() {
        Prompt prompt = PackLoader.loadResource("packs/hello-hello.pack.json").prompt("chat").orElseThrow();
        Map<String, String> variables = VariableResolver.resolve(prompt, Map.of("user_name", "Ada"));

        assertThat(TemplateRenderer.render(prompt.systemTemplate(), variables, Map.of())).contains("Ada");
    }
}
