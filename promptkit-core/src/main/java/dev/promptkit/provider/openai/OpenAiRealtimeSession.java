/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.openai;

import dev.promptkit.duplex.AudioChunk;
import dev.promptkit.duplex.AudioConverter;
import dev.promptkit.duplex.AudioFormat;
import dev.promptkit.duplex.DuplexEvent;
import dev.promptkit.duplex.DuplexSession;
import dev.promptkit.duplex.DuplexSessionConfig;
import dev.promptkit.duplex.ImageFrame;
import dev.promptkit.provider.realtime.RealtimeEndpoint;
import dev.promptkit.provider.realtime.RealtimeSession;
import dev.promptkit.provider.realtime.RealtimeSocket;
import dev.promptkit.types.TokenUsage;
import dev.promptkit.types.ToolCall;
import dev.promptkit.types.ToolResult;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A session with the OpenAI Realtime API over WebSocket (the GA interface; the beta's event names are read
 * too). The session is configured by {@link RealtimeSessionUpdate} and ready on {@code session.updated}.
 *
 * <p>Client events: text as a user {@code message} item, then {@code response.create}; audio as
 * {@code input_audio_buffer.append} (base64 PCM16, 24 kHz mono, converted from what the caller sends by one
 * {@link AudioConverter} for the whole session); an image
 * as a user {@code input_image} item (a data URL); a tool result as a {@code function_call_output} item; and
 * {@link #triggerStart()} as {@code input_audio_buffer.commit} (when audio was appended since the last commit)
 * then {@code response.create}. A {@code response.create} waits until no response is in progress and every
 * function call of the last response has its output, so that parallel calls are answered in one response.
 *
 * <p>Server events: {@code response.output_audio.delta} → audio, {@code response.output_audio_transcript.delta}
 * → output transcript, {@code response.output_text.delta} → text,
 * {@code conversation.item.input_audio_transcription.completed} → a complete input transcript,
 * {@code response.function_call_arguments.done} → a tool call, {@code input_audio_buffer.speech_started} →
 * interrupted, {@code response.done} → turn complete with its usage; an {@code error} event, or a response
 * that {@code failed}, ends the session.
 */
final class OpenAiRealtimeSession extends RealtimeSession {

    private static final AudioFormat WIRE_FORMAT =
            new AudioFormat(RealtimeSessionUpdate.SAMPLE_RATE, AudioFormat.PCM16_24KHZ_MONO.channels());

    private final AudioConverter microphone = new AudioConverter(WIRE_FORMAT);
    private final Map<String, String> callNames = new HashMap<>();
    private final Set<String> awaitedOutputs = new HashSet<>();
    private boolean responseActive;
    private boolean responseWanted;
    private boolean audioUncommitted;

    private OpenAiRealtimeSession(RealtimeSocket socket) {
        super(socket);
    }

    static Mono<DuplexSession> open(RealtimeEndpoint endpoint, DuplexSessionConfig config, Duration setupTimeout) {
        return new OpenAiRealtimeSession(new RealtimeSocket(endpoint))
                .start(RealtimeSessionUpdate.encode(config), setupTimeout);
    }

    @Override
    public Mono<Void> sendText(String text) {
        return input(() -> {
            ObjectNode item = item("message").put("role", "user");
            item.putArray("content").addObject().put("type", "input_text").put("text", text);
            send(eventOf(item));
            responseWanted = true;
            respondWhenReady();
        });
    }

    @Override
    public Mono<Void> sendAudio(AudioChunk chunk) {
        return input(() -> {
            AudioChunk wire = microphone.convert(chunk);
            if (wire.data().length == 0) {
                return;
            }
            send(event("input_audio_buffer.append").put("audio", Base64.getEncoder().encodeToString(wire.data())));
            audioUncommitted = true;
        });
    }

    @Override
    public Mono<Void> sendImage(ImageFrame frame) {
        return input(() -> {
            ObjectNode item = item("message").put("role", "user");
            item.putArray("content").addObject().put("type", "input_image").put("image_url", "data:"
                    + frame.mimeType() + ";base64," + Base64.getEncoder().encodeToString(frame.data()));
            send(eventOf(item));
        });
    }

    @Override
    public Mono<Void> sendToolResult(ToolResult result) {
        return input(() -> {
            send(eventOf(item("function_call_output").put("call_id", result.id())
                    .put("output", result.contentForModel())));
            awaitedOutputs.remove(result.id());
            responseWanted = true;
            respondWhenReady();
        });
    }

    @Override
    public Mono<Void> triggerStart() {
        return input(() -> {
            if (audioUncommitted) {
                send(event("input_audio_buffer.commit"));
                audioUncommitted = false;
            }
            responseWanted = true;
            respondWhenReady();
        });
    }

    @Override
    protected synchronized void onMessage(JsonNode message) {
        String type = message.path("type").asString("");
        switch (type) {
            case "session.updated" -> markReady();
            case "response.created" -> responseActive = true;
            case "response.output_audio.delta", "response.audio.delta" -> emit(new DuplexEvent.AudioDelta(
                    new AudioChunk(Base64.getDecoder().decode(message.path("delta").asString("")), WIRE_FORMAT)));
            case "response.output_audio_transcript.delta", "response.audio_transcript.delta" ->
                    emit(new DuplexEvent.OutputTranscript(message.path("delta").asString("")));
            case "response.output_text.delta", "response.text.delta" ->
                    emit(new DuplexEvent.TextDelta(message.path("delta").asString("")));
            case "conversation.item.input_audio_transcription.completed" ->
                    emit(new DuplexEvent.InputTranscript(message.path("transcript").asString(""), true));
            case "response.output_item.added", "response.output_item.done" -> rememberCallName(message.path("item"));
            case "response.function_call_arguments.done" -> toolCall(message);
            case "input_audio_buffer.speech_started" -> emit(new DuplexEvent.Interrupted());
            case "input_audio_buffer.committed" -> audioUncommitted = false;
            case "response.done" -> responseDone(message.path("response"));
            case "error" -> fail(errorText(message.path("error")));
            default -> {
                // session.created, rate_limits.updated, content parts and other progress events carry nothing new
            }
        }
    }

    private void toolCall(JsonNode message) {
        String id = message.path("call_id").asString("");
        String name = message.path("name").asString(callNames.get(id));
        awaitedOutputs.add(id);
        emit(new DuplexEvent.ToolCallRequested(ToolCall.fromRawArguments(id, name,
                message.path("arguments").asString(""))));
    }

    private void rememberCallName(JsonNode item) {
        if ("function_call".equals(item.path("type").asString("")) && item.path("name").isString()) {
            callNames.put(item.path("call_id").asString(""), item.path("name").asString());
        }
    }

    private void responseDone(JsonNode response) {
        responseActive = false;
        if ("failed".equals(response.path("status").asString(""))) {
            fail("the response failed: " + errorText(response.path("status_details").path("error")));
            return;
        }
        emit(new DuplexEvent.TurnComplete(usage(response.path("usage"))));
        respondWhenReady();
    }

    /** Asks for a response once one is wanted, none is in progress and no function call waits for its output. */
    private void respondWhenReady() {
        if (responseWanted && !responseActive && awaitedOutputs.isEmpty()) {
            send(event("response.create"));
            responseWanted = false;
            responseActive = true;
        }
    }

    private static TokenUsage usage(JsonNode usage) {
        if (usage.isMissingNode() || usage.isNull()) {
            return TokenUsage.NONE;
        }
        long cached = usage.path("input_token_details").path("cached_tokens").asLong(0);
        return new TokenUsage(usage.path("input_tokens").asLong(0) - cached, usage.path("output_tokens").asLong(0),
                cached, 0, 0);
    }

    private static String errorText(JsonNode error) {
        String message = error.path("message").asString("no message");
        String code = error.path("code").asString(error.path("type").asString(""));
        return code.isEmpty() ? message : code + ": " + message;
    }

    /** Runs {@code sending} when subscribed, under this session's lock, so that one input's messages stay together. */
    private Mono<Void> input(Runnable sending) {
        return Mono.fromRunnable(() -> {
            synchronized (this) {
                sending.run();
            }
        });
    }

    private static ObjectNode event(String type) {
        return JsonMapper.shared().createObjectNode().put("type", type);
    }

    private static ObjectNode item(String itemType) {
        return JsonMapper.shared().createObjectNode().put("type", itemType);
    }

    private static ObjectNode eventOf(ObjectNode item) {
        ObjectNode event = event("conversation.item.create");
        event.set("item", item);
        return event;
    }
}
