/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import dev.promptkit.state.InMemoryStateStore;
import dev.promptkit.state.StateStore;

class InMemoryLiveEvalTests extends LiveEvalContract {

    private final InMemoryStateStore store = new InMemoryStateStore();

    @Override
    StateStore stateStore() {
        return store;
    }
}
