/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.benchmarks;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A streamed OpenAI Chat Completions answer as the server-sent events OpenAI writes: the assistant role, one
 * event per text delta, the finish reason, the usage and {@code [DONE]}. Each event is as large as a real one
 * (about 300 bytes, with {@code id}, {@code system_fingerprint} and {@code obfuscation}).
 */
final class ChatCompletionsStream {

    private static final String EVENT = "data: {\"id\":\"chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT\","
            + "\"object\":\"chat.completion.chunk\",\"created\":1741569952,\"model\":\"gpt-4o-mini-2024-07-18\","
            + "\"service_tier\":\"default\",\"system_fingerprint\":\"fp_44709d6fcb\",\"choices\":[%s],"
            + "\"usage\":%s,\"obfuscation\":\"r4N7vQ2m\"}\n\n";
    private static final String CHOICE = "{\"index\":0,\"delta\":%s,\"logprobs\":null,\"finish_reason\":%s}";

    private ChatCompletionsStream() {
    }

    /** The events of an answer of {@code textDeltas} text deltas, as UTF-8 bytes, one array per event. */
    static List<byte[]> events(int textDeltas) {
        List<String> events = new ArrayList<>();
        events.add(choice("{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null}", "null"));
        for (int i = 0; i < textDeltas; i++) {
            events.add(choice("{\"content\":\" token\"}", "null"));
        }
        events.add(choice("{}", "\"stop\""));
        events.add(EVENT.formatted("", "{\"prompt_tokens\":8,\"completion_tokens\":" + textDeltas + ",\"total_tokens\":"
                + (8 + textDeltas) + ",\"prompt_tokens_details\":{\"cached_tokens\":0,\"audio_tokens\":0},"
                + "\"completion_tokens_details\":{\"reasoning_tokens\":0,\"audio_tokens\":0,"
                + "\"accepted_prediction_tokens\":0,\"rejected_prediction_tokens\":0}}"));
        events.add("data: [DONE]\n\n");
        return events.stream().map(event -> event.getBytes(StandardCharsets.UTF_8)).toList();
    }

    /** The same events as one body: {@link #events} joined. */
    static byte[] body(int textDeltas) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        events(textDeltas).forEach(body::writeBytes);
        return body.toByteArray();
    }

    private static String choice(String delta, String finishReason) {
        return EVENT.formatted(CHOICE.formatted(delta, finishReason), "null");
    }
}
