/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import dev.promptkit.PromptKitException;
import java.util.Collection;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * The pack has no prompt of the requested name; the message lists the prompts it has.
 *
 * @since 0.1.0
 */
public class PromptNotFoundException extends PromptKitException {

    private static final long serialVersionUID = 1L;

    private final String packId;
    private final String promptName;
    private final Set<String> availablePrompts;

    public PromptNotFoundException(String packId, String promptName, Collection<String> available) {
        super("Pack '" + packId + "' has no prompt '" + promptName + "'; its prompts are " + new TreeSet<>(available));
        this.packId = packId;
        this.promptName = promptName;
        this.availablePrompts = Collections.unmodifiableSet(new TreeSet<>(available));
    }

    /** The pack (or packs, comma-separated) that was searched. */
    public String packId() {
        return packId;
    }

    public String promptName() {
        return promptName;
    }

    /** The prompts the pack has, sorted. */
    public Set<String> availablePrompts() {
        return availablePrompts;
    }
}
