/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.pack;

import dev.promptkit.pack.PackException;
import dev.promptkit.pack.PackNotFoundException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a {@link PackException}: the pack's location, what is wrong (malformed JSON with its line and column, or
 * every schema and consistency violation with its JSON pointer), and what to change.
 */
class PackFailureAnalyzer extends AbstractFailureAnalyzer<PackException> {

    private static final String NEW_LINE = System.lineSeparator();

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, PackException cause) {
        StringBuilder description = new StringBuilder("PromptKit could not load the pack ").append(cause.path())
                .append(':').append(NEW_LINE).append(NEW_LINE).append("    ").append(cause.reason());
        cause.violations().forEach(violation -> description.append(NEW_LINE).append("    ").append(violation));
        return new FailureAnalysis(description.toString(), action(cause), cause);
    }

    private static String action(PackException cause) {
        if (cause instanceof PackNotFoundException) {
            return "Put the pack (a *.pack.json file) in src/main/resources or its packs/ folder, or point "
                    + "promptkit.pack (or promptkit.packs.<name>) at it with a resource location such as "
                    + "classpath:assistant.pack.json or file:/etc/assistant/assistant.pack.json.";
        }
        if (!cause.violations().isEmpty()) {
            return "Correct each place listed in " + cause.path() + ": the part before the colon is its JSON pointer "
                    + "(/prompts/chat/tools/0 is the first tool of prompt chat). The PromptPack format is described "
                    + "at https://promptpack.org.";
        }
        return "Correct " + cause.path() + " where the message says (a pack on the class path is usually in "
                + "src/main/resources or its packs/ folder).";
    }
}
