/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The annotations a Spring application uses PromptKit with: {@link dev.promptkit.spring.PromptConversation} injects
 * a conversation on a prompt, {@link dev.promptkit.spring.PromptTool} makes a bean method the handler of a pack tool,
 * and {@link dev.promptkit.spring.ToolParam} names the tool argument a parameter binds to. The starter's
 * auto-configuration reads them; without Spring, bind handlers with {@code Conversation.onTool}.
 */
package dev.promptkit.spring;
