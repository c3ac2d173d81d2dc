/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.benchmarks.langchain4j;

import dev.langchain4j.service.MemoryId;
import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.TokenStream;
import dev.langchain4j.service.UserMessage;

/** The AI Service: LangChain4j implements it (see {@link AssistantConfiguration}) and runs the tool rounds. */
interface Assistant {

    @SystemMessage("You are a helpful assistant. Use lookup_order to check an order before you talk about it.")
    TokenStream chat(@MemoryId String conversationId, @UserMessage String message);
}
