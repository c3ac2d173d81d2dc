/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import tools.jackson.core.JsonPointer;

/**
 * The checks a JSON Schema cannot express: every pack tool is stored
 * under its own name, every {@code {{fragments.x}}} in a system template (a prompt's, a model override's, or a
 * fragment itself) names a fragment of the pack, and every variable {@code pattern} compiles (so that a bad one fails
 * the load, not a later turn). A prompt, tool or model override that is {@code null} (possible only when schema
 * validation is skipped) is reported too. Validator types are not checked here.
 *
 * <p>A tool a prompt names but the pack does not define is a warning, not a violation, as in the Go original (the
 * PromptPack specification's own examples do it): another prompt's key is an agent tool (a warning only when the
 * pack's {@code agents} does not describe that prompt), any other name must be answered by a handler registered at run
 * time ({@link ToolReferences}).
 */
final class PackConsistency {

    private static final JsonPointer ROOT = JsonPointer.empty();

    private PackConsistency() {
    }

    /** What {@link #check} found: the inconsistencies, which fail the load, and the warnings; each sorted by pointer. */
    record Findings(List<Violation> violations, List<Violation> warnings) {
    }

    /** Every inconsistency and every warning in {@code pack}. */
    static Findings check(Pack pack) {
        List<Violation> found = new ArrayList<>();
        List<Violation> warnings = new ArrayList<>();
        Map<String, String> fragments = pack.fragments();
        pack.tools().forEach((key, tool) -> {
            if (notNull(ROOT.appendProperty("tools").appendProperty(key), tool, "a tool", found)) {
                checkToolName(key, tool, found);
            }
        });
        fragments.forEach((key, body) -> checkFragments(ROOT.appendProperty("fragments").appendProperty(key), body,
                fragments, found));
        pack.prompts().forEach((key, prompt) -> {
            JsonPointer at = ROOT.appendProperty("prompts").appendProperty(key);
            if (!notNull(at, prompt, "a prompt", found)) {
                return;
            }
            checkTools(at, prompt, pack, warnings);
            checkFragments(at.appendProperty("system_template"), prompt.systemTemplate(), fragments, found);
            prompt.modelOverrides().forEach((model, override) -> {
                JsonPointer overrideAt = at.appendProperty("model_overrides").appendProperty(model);
                if (notNull(overrideAt, override, "a model override", found)) {
                    checkOverride(overrideAt, override, fragments, found);
                }
            });
            checkPatterns(at, prompt, found);
        });
        return new Findings(found.stream().sorted().toList(), warnings.stream().sorted().toList());
    }

    /**
     * Whether {@code value} is present; {@code null} (possible only when schema validation is skipped) is a violation,
     * reported here so that the other checks need not guard against it.
     */
    private static boolean notNull(JsonPointer at, Object value, String what, List<Violation> found) {
        if (value == null) {
            found.add(new Violation(at.toString(), "must be " + what + ", not null"));
        }
        return value != null;
    }

    private static void checkToolName(String key, ToolDef tool, List<Violation> found) {
        if (!Objects.equals(key, tool.name())) {
            found.add(new Violation(ROOT.appendProperty("tools").appendProperty(key).appendProperty("name").toString(),
                    "tool name '" + tool.name() + "' differs from its key '" + key + "'"));
        }
    }

    private static void checkTools(JsonPointer at, Prompt prompt, Pack pack, List<Violation> warnings) {
        for (int i = 0; i < prompt.tools().size(); i++) {
            String name = prompt.tools().get(i);
            String pointer = at.appendProperty("tools").appendIndex(i).toString();
            if (ToolReferences.isUndefined(pack, name) && !name.startsWith(ToolReferences.A2A_PREFIX)) {
                warnings.add(new Violation(pointer, "tool '" + name + "' is not defined in the pack's tools "
                        + pack.tools().keySet() + " and is not a prompt of the pack: a handler registered at run time"
                        + " (onTool, @PromptTool) or an MCP server's tool of that name must answer it"));
            }
            else if (ToolReferences.isAgentTool(pack, name)
                    && (pack.agents() == null || !pack.agents().members().containsKey(name))) {
                warnings.add(new Violation(pointer, "tool '" + name + "' is the prompt '" + name + "', run as an agent"
                        + " tool, but agents.members does not describe it: the model sees the prompt's own description"));
            }
        }
    }

    private static void checkOverride(JsonPointer at, ModelOverride override, Map<String, String> fragments,
            List<Violation> found) {
        checkFragments(at.appendProperty("system_template_prefix"), override.systemTemplatePrefix(), fragments, found);
        checkFragments(at.appendProperty("system_template"), override.systemTemplate(), fragments, found);
        checkFragments(at.appendProperty("system_template_suffix"), override.systemTemplateSuffix(), fragments, found);
    }

    private static void checkFragments(JsonPointer at, String template, Map<String, String> fragments,
            List<Violation> found) {
        if (template == null) {
            return;
        }
        for (String fragment : Template.parse(template).fragmentNames()) {
            if (!fragments.containsKey(fragment)) {
                found.add(new Violation(at.toString(),
                        "fragment '" + fragment + "' is not defined in the pack's fragments " + fragments.keySet()));
            }
        }
    }

    private static void checkPatterns(JsonPointer at, Prompt prompt, List<Violation> found) {
        for (int i = 0; i < prompt.variables().size(); i++) {
            VariableValidation rules = prompt.variables().get(i).validation();
            if (rules == null || rules.pattern() == null) {
                continue;
            }
            try {
                Pattern.compile(rules.pattern());
            }
            catch (PatternSyntaxException ex) {
                found.add(new Violation(at.appendProperty("variables").appendIndex(i)
                        .appendProperty("validation").appendProperty("pattern").toString(),
                        "invalid regular expression: " + ex.getDescription() + " near index " + ex.getIndex()));
            }
        }
    }
}
