/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool;

import dev.promptkit.types.ToolCall;
import reactor.core.publisher.Mono;

/**
 * Runs tool calls. The returned {@link Mono} emits the result the model is shown (JSON or plain text)
 * or fails; a failure becomes an error result the model can recover from, never a failed turn. Must
 * not block the subscribing thread (wrap blocking work, as {@link ToolHandler}s are wrapped), and
 * should stop its work when the {@code Mono} is cancelled.
 *
 * <pre>{@code
 * ToolExecutor weather = (call, context) -> weatherClient.current((String) call.arguments().get("city"))
 *         .map(json::writeValueAsString);
 * conversation.onToolExecutor("get_weather", weather);
 * }</pre>
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface ToolExecutor {

    Mono<String> execute(ToolCall call, ToolContext context);
}
