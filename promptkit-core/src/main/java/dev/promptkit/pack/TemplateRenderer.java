package dev.promptkit.pack;

import java.util.Map;

/** Renders templates. (Interim version: single pass.) */
public final class TemplateRenderer {

    private TemplateRenderer() {
    }

    public static String render(String template, Map<String, String> variables, Map<String, String> fragments) {
        String out = template;
        for (var e : fragments.entrySet()) {
            out = out.replace("{{fragments." + e.getKey() + "}}", e.getValue());
        }
        for (var e : variables.entrySet()) {
            out = out.replace("{{" + e.getKey() + "}}", e.getValue());
        }
        return out;
    }
}
