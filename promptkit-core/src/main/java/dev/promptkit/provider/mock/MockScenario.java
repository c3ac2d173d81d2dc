package dev.promptkit.provider.mock;

import java.util.Map;

/** The turns and default answer a script gives one scenario. {@code defaultTurn} may be {@code null}. */
record MockScenario(MockTurn defaultTurn, Map<Integer, MockTurn> turns) {

    MockScenario {
        turns = Map.copyOf(turns);
    }
}
