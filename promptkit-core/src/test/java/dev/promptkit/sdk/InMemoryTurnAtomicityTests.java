/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import dev.promptkit.state.InMemoryStateStore;
import dev.promptkit.state.StateStore;
import dev.promptkit.tool.InMemoryPendingStore;
import dev.promptkit.tool.PendingStore;

class InMemoryTurnAtomicityTests extends TurnAtomicityContract {

    private final InMemoryStateStore states = new InMemoryStateStore();
    private final InMemoryPendingStore pending = new InMemoryPendingStore();

    @Override
    StateStore stateStore() {
        return states;
    }

    @Override
    PendingStore pendingStore() {
        return pending;
    }
}
