/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Live (duplex) sessions behind a duplex conversation: {@link dev.promptkit.session.LiveSession} forwards the
 * caller's input to a provider's realtime session or a voice session, and hands back what comes out; a
 * {@link dev.promptkit.session.TurnKeeper} stores each completed turn ({@link dev.promptkit.session.RealtimeTurnKeeper}
 * for realtime sessions, {@link dev.promptkit.session.VoiceTurnKeeper} for VAD mode, whose text turns store
 * themselves). Knows nothing of the SDK's conversation types.
 */
package dev.promptkit.session;
