package dev.promptkit.pack;

import java.util.HashMap;
import java.util.Map;

/** Resolves a prompt's variables. (Interim version: defaults only.) */
public final class VariableResolver {

    private VariableResolver() {
    }

    public static Map<String, String> resolve(Prompt prompt, Map<String, String> values) {
        Map<String, String> out = new HashMap<>();
        for (VariableDef def : prompt.variables()) {
            if (def.defaultValue() != null && !def.defaultValue().isNull()) {
                out.put(def.name(), def.defaultValue().isString() ? def.defaultValue().asString() : def.defaultValue().toString());
            }
        }
        out.putAll(values);
        return out;
    }
}
