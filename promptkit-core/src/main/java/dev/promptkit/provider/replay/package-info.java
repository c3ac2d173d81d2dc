/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * {@link dev.promptkit.provider.replay.ReplayProvider}: answers a conversation from a recorded session, for tests.
 */
package dev.promptkit.provider.replay;
