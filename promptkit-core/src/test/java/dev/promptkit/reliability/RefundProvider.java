/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.reliability;

import dev.promptkit.provider.Provider;
import dev.promptkit.provider.ProviderChunk;
import dev.promptkit.provider.ProviderRequest;
import dev.promptkit.types.Message;
import dev.promptkit.types.Role;
import dev.promptkit.types.TokenUsage;
import dev.promptkit.types.ToolCall;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import reactor.core.publisher.Flux;

/**
 * A model for many conversations at once: asked to {@code refund <order>} it calls {@code process_refund} (with a
 * call id of its own), reading a tool result it answers {@code "done: <result>"}, and anything else it echoes.
 */
final class RefundProvider implements Provider {

    @Override
    public String name() {
        return "refunds";
    }

    @Override
    public String type() {
        return "refunds";
    }

    @Override
    public String defaultModel() {
        return "refunds-1";
    }

    @Override
    public Flux<ProviderChunk> stream(ProviderRequest request) {
        return Flux.defer(() -> {
            List<Message> messages = request.messages();
            Message last = messages.get(messages.size() - 1);
            TokenUsage usage = TokenUsage.of(0, 0); // unpriced: no tokens, so no warning per conversation
            if (last.role() == Role.TOOL) {
                return Flux.just(ProviderChunk.text("done: " + last.text()), ProviderChunk.finish("stop", usage));
            }
            if (last.text().startsWith("refund ")) {
                ToolCall call = ToolCall.of("call_" + UUID.randomUUID(), "process_refund",
                        Map.of("order_id", last.text().substring("refund ".length()), "amount", 250));
                return Flux.just(ProviderChunk.toolCall(call), ProviderChunk.finish("tool_calls", usage));
            }
            return Flux.just(ProviderChunk.text("echo: " + last.text()), ProviderChunk.finish("stop", usage));
        });
    }
}
