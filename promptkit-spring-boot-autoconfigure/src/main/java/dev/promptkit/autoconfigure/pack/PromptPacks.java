/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.pack;

import dev.promptkit.pack.Pack;
import java.util.Map;

/**
 * The packs the application loaded, by name (a file's name without {@code .pack.json}, or the key of
 * {@code promptkit.packs.<name>}), and which one is the default ({@code null} when several were found
 * and none was named: conversations then find a prompt in whichever pack has it).
 *
 * @since 0.1.0
 */
public record PromptPacks(Map<String, Pack> byName, String defaultName) {

    public PromptPacks {
        byName = Map.copyOf(byName);
    }
}
