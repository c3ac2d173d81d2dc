/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool;

import java.util.Map;

/**
 * Answers a tool call from its arguments. May block (it runs on {@link BlockingToolThreads}: a virtual thread,
 * or a pool sized for I/O-bound work; never on an event loop) and may throw: the exception's message goes back to
 * the model as the tool's error. When the call times out, the thread is interrupted.
 * The return value is serialised to JSON; a {@code Mono} or {@code CompletableFuture} is awaited first,
 * and a {@code String} is passed on as it is.
 *
 * <pre>{@code
 * conversation.onTool("get_weather", args -> weather.current((String) args.get("city")));
 * }</pre>
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface ToolHandler {

    Object handle(Map<String, Object> arguments) throws Exception;
}
