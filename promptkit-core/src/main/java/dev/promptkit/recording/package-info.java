/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Session recording: an {@link dev.promptkit.recording.EventRecorder} writes every event of a conversation, redacted,
 * to an {@link dev.promptkit.recording.EventStore} off the response path; a
 * {@link dev.promptkit.recording.SessionRecording} reads it back for export or for replay by
 * {@code dev.promptkit.provider.replay.ReplayProvider}.
 */
package dev.promptkit.recording;
