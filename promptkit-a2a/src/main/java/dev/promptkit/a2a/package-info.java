/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The Agent2Agent (A2A) protocol for PromptKit: {@link dev.promptkit.a2a.client} offers remote A2A agents' skills
 * to a pack's prompts as tools, {@link dev.promptkit.a2a.server} serves a pack's agents as A2A agents. The wire
 * types are those of the official A2A Java SDK ({@code io.a2a.spec}).
 */
package dev.promptkit.a2a;
