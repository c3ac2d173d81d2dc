/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import dev.promptkit.PromptKitException;
import java.util.Collection;
import java.util.TreeSet;

/**
 * The pack has no prompt of the requested name; the message lists the prompts it has.
 *
 * @since 0.1.0
 */
public class PromptNotFoundException extends PromptKitException {

    private static final long serialVersionUID = 1L;

    private final String promptName;

    public PromptNotFoundException(String packId, String promptName, Collection<String> available) {
        super("Pack '" + packId + "' has no prompt '" + promptName + "'; its prompts are " + new TreeSet<>(available));
        this.promptName = promptName;
    }

    public String promptName() {
        return promptName;
    }
}
