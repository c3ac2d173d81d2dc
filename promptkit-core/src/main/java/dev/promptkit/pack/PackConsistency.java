package dev.promptkit.pack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import tools.jackson.core.JsonPointer;

/**
 * The checks a JSON Schema cannot express: every tool a prompt names exists in the pack, every pack tool is stored
 * under its own name, every {@code {{fragments.x}}} in a system template names a fragment of the pack, and every
 * variable {@code pattern} compiles (so that a bad one fails the load, not a later turn). Validator types are not
 * checked here.
 */
final class PackConsistency {

    private PackConsistency() {
    }

    /** Every inconsistency in {@code pack}, sorted by pointer; empty when there is none. */
    static List<Violation> violations(Pack pack) {
        List<Violation> found = new ArrayList<>();
        pack.tools().forEach((key, tool) -> checkToolName(key, tool, found));
        pack.prompts().forEach((key, prompt) -> {
            JsonPointer at = JsonPointer.empty().appendProperty("prompts").appendProperty(key);
            checkTools(at, prompt, pack.tools(), found);
            checkFragments(at, prompt, pack.fragments(), found);
            checkPatterns(at, prompt, found);
        });
        return found.stream().sorted().toList();
    }

    private static void checkToolName(String key, ToolDef tool, List<Violation> found) {
        if (!Objects.equals(key, tool.name())) {
            found.add(new Violation(JsonPointer.empty().appendProperty("tools").appendProperty(key)
                    .appendProperty("name").toString(), "tool name '" + tool.name() + "' differs from its key '" + key + "'"));
        }
    }

    private static void checkTools(JsonPointer at, Prompt prompt, Map<String, ToolDef> tools, List<Violation> found) {
        for (int i = 0; i < prompt.tools().size(); i++) {
            String name = prompt.tools().get(i);
            if (!tools.containsKey(name)) {
                found.add(new Violation(at.appendProperty("tools").appendIndex(i).toString(),
                        "tool '" + name + "' is not defined in the pack's tools " + tools.keySet()));
            }
        }
    }

    private static void checkFragments(JsonPointer at, Prompt prompt, Map<String, String> fragments,
            List<Violation> found) {
        if (prompt.systemTemplate() == null) {
            return;
        }
        for (String fragment : Template.parse(prompt.systemTemplate()).fragmentNames()) {
            if (!fragments.containsKey(fragment)) {
                found.add(new Violation(at.appendProperty("system_template").toString(),
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
