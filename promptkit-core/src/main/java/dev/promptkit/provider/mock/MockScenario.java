/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.mock;

import java.util.Map;

/** The turns and default answer a script gives one scenario. {@code defaultTurn} may be {@code null}. */
record MockScenario(MockTurn defaultTurn, Map<Integer, MockTurn> turns) {

    MockScenario {
        turns = Map.copyOf(turns);
    }
}
