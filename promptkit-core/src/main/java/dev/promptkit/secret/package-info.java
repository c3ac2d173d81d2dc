/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Keeping credentials out of what leaves PromptKit: {@link dev.promptkit.secret.SecretRedactor} masks API keys
 * and header credentials in any text (exception messages, error bodies, events, log lines) and in whole
 * exception chains. Every client PromptKit owns that holds a credential (chat providers, embeddings, speech,
 * realtime sessions, HTTP tools, MCP over HTTP) redacts with it. Depends on nothing else in PromptKit.
 */
package dev.promptkit.secret;
