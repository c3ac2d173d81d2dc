/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.benchmarks.langchain4j;

import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.store.memory.chat.ChatMemoryStore;
import dev.langchain4j.store.memory.chat.InMemoryChatMemoryStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The model and the AI Service, built as LangChain4j's docs show for a plain (starter-less) setup: one
 * {@link OpenAiStreamingChatModel} (on LangChain4j's default HTTP client) and one {@link Assistant} from
 * {@link AiServices#builder}, with the tool and a chat memory per {@code @MemoryId} kept in an in-memory store.
 */
@Configuration(proxyBeanMethods = false)
class AssistantConfiguration {

    @Bean
    StreamingChatModel streamingChatModel(@Value("${benchmark.openai.base-url}") String baseUrl,
            @Value("${benchmark.openai.api-key}") String apiKey, @Value("${benchmark.openai.model}") String model,
            @Value("${benchmark.openai.temperature}") double temperature,
            @Value("${benchmark.openai.max-tokens}") int maxTokens) {
        return OpenAiStreamingChatModel.builder()
                .baseUrl(baseUrl)
                .apiKey(apiKey)
                .modelName(model)
                .temperature(temperature)
                .maxTokens(maxTokens)
                .build();
    }

    @Bean
    ChatMemoryStore chatMemoryStore() {
        return new InMemoryChatMemoryStore();
    }

    @Bean
    Assistant assistant(StreamingChatModel streamingChatModel, ChatMemoryStore chatMemoryStore, OrderTools orderTools) {
        return AiServices.builder(Assistant.class)
                .streamingChatModel(streamingChatModel)
                .chatMemoryProvider(memoryId -> MessageWindowChatMemory.builder()
                        .id(memoryId)
                        .maxMessages(10)
                        .chatMemoryStore(chatMemoryStore)
                        .build())
                .tools(orderTools)
                .build();
    }
}
