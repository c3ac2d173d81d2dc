/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * What the realtime (WebSocket) providers share: the {@link dev.promptkit.provider.realtime.RealtimeSocket}
 * (connect, send queue, JSON messages, close and error handling) and the
 * {@link dev.promptkit.provider.realtime.RealtimeSession} base their duplex sessions extend.
 *
 * <p><strong>Internal:</strong> not part of PromptKit's supported API (see "Public API" in the README); it
 * may change in any release without notice.
 */
package dev.promptkit.provider.realtime;
