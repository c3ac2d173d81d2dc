/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.gemini;

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
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A session with the Gemini Live API ({@code BidiGenerateContent} over WebSocket), configured by
 * {@link LiveSetupEncoder} and ready on {@code setupComplete}.
 *
 * <p>Client messages: text, audio (PCM16 at 16 kHz mono, {@code audio/pcm;rate=16000}, converted from what the
 * caller sends by one {@link AudioConverter} for the whole session) and image frames (as {@code video}) go as {@code realtimeInput}; a tool result as a
 * {@code toolResponse} function response; {@link #triggerStart()} as {@code clientContent} with
 * {@code turnComplete: true}, which makes the model answer now.
 *
 * <p>Server messages: {@code serverContent} with {@code inputTranscription} (input transcript pieces, the last
 * one {@code finished}), {@code modelTurn} parts (inline PCM audio at the rate its MIME type names, text other
 * than thoughts), {@code outputTranscription}, {@code interrupted} and {@code turnComplete}, in that order;
 * {@code toolCall} function calls; {@code usageMetadata}, the latest of a turn reported with its
 * {@code turnComplete}. An {@code error} object ends the session; Gemini usually reports errors by closing the
 * connection with a status and reason, which the {@link RealtimeSocket} turns into the session's error.
 * {@code goAway} (the server will close soon) and session resumption updates are not acted on.
 */
final class GeminiLiveSession extends RealtimeSession {

    private static final String INPUT_MIME_TYPE = "audio/pcm;rate=" + AudioFormat.PCM16_16KHZ_MONO.sampleRate();
    private static final Pattern RATE = Pattern.compile("rate=(\\d+)");

    private final AudioConverter microphone = new AudioConverter(AudioFormat.PCM16_16KHZ_MONO);
    private TokenUsage turnUsage = TokenUsage.NONE;
    private int unnamedCalls;

    private GeminiLiveSession(RealtimeSocket socket) {
        super(socket);
    }

    static Mono<DuplexSession> open(RealtimeEndpoint endpoint, String model, DuplexSessionConfig config,
            Duration setupTimeout) {
        return new GeminiLiveSession(new RealtimeSocket(endpoint))
                .start(LiveSetupEncoder.encode(model, config), setupTimeout);
    }

    @Override
    public Mono<Void> sendText(String text) {
        return realtimeInput(input -> input.put("text", text));
    }

    @Override
    public Mono<Void> sendAudio(AudioChunk chunk) {
        return Mono.defer(() -> {
            byte[] pcm;
            synchronized (microphone) {
                pcm = microphone.convert(chunk).data();
            }
            return pcm.length == 0 ? Mono.empty()
                    : realtimeInput(input -> blob(input.putObject("audio"), pcm, INPUT_MIME_TYPE));
        });
    }

    @Override
    public Mono<Void> sendImage(ImageFrame frame) {
        return realtimeInput(input -> blob(input.putObject("video"), frame.data(), frame.mimeType()));
    }

    @Override
    public Mono<Void> sendToolResult(ToolResult result) {
        return sending(() -> {
            ObjectNode message = JsonMapper.shared().createObjectNode();
            ObjectNode response = message.putObject("toolResponse").putArray("functionResponses").addObject();
            if (result.id() != null && !FunctionCallIds.isGenerated(result.id(), result.name())) {
                response.put("id", result.id());
            }
            response.put("name", result.name());
            response.set("response", ContentsEncoder.response(result));
            return message;
        });
    }

    @Override
    public Mono<Void> triggerStart() {
        return sending(() -> {
            ObjectNode message = JsonMapper.shared().createObjectNode();
            message.putObject("clientContent").put("turnComplete", true);
            return message;
        });
    }

    @Override
    protected void onMessage(JsonNode message) {
        if (message.has("setupComplete")) {
            markReady();
        }
        if (message.path("usageMetadata").isObject()) {
            turnUsage = usage(message.get("usageMetadata"));
        }
        if (message.path("serverContent").isObject()) {
            serverContent(message.get("serverContent"));
        }
        for (JsonNode call : message.path("toolCall").path("functionCalls")) {
            String name = call.path("name").asString("");
            String id = call.path("id").isString() ? call.get("id").asString()
                    : FunctionCallIds.generate(unnamedCalls++, name);
            ToolCall toolCall = new ToolCall(id, name, call.path("args").isObject() ? call.get("args")
                    : JsonMapper.shared().createObjectNode());
            emit(new DuplexEvent.ToolCallRequested(toolCall));
        }
        if (message.path("error").isObject()) {
            String described = GeminiErrorMessages.describe(message.get("error"));
            fail(described != null ? described : message.get("error").toString());
        }
    }

    private void serverContent(JsonNode content) {
        JsonNode input = content.path("inputTranscription");
        if (input.path("text").isString()) {
            emit(new DuplexEvent.InputTranscript(input.get("text").asString(), input.path("finished").asBoolean(false)));
        }
        for (JsonNode part : content.path("modelTurn").path("parts")) {
            JsonNode inline = part.path("inlineData");
            String mimeType = inline.path("mimeType").asString("");
            if (mimeType.startsWith("audio/pcm")) {
                emit(new DuplexEvent.AudioDelta(new AudioChunk(Base64.getDecoder().decode(inline.path("data")
                        .asString("")), new AudioFormat(rate(mimeType), 1))));
            }
            else if (part.path("text").isString() && !part.path("thought").asBoolean(false)) {
                emit(new DuplexEvent.TextDelta(part.get("text").asString()));
            }
        }
        if (content.path("outputTranscription").path("text").isString()) {
            emit(new DuplexEvent.OutputTranscript(content.get("outputTranscription").get("text").asString()));
        }
        if (content.path("interrupted").asBoolean(false)) {
            emit(new DuplexEvent.Interrupted());
        }
        if (content.path("turnComplete").asBoolean(false)) {
            emit(new DuplexEvent.TurnComplete(turnUsage));
            turnUsage = TokenUsage.NONE;
        }
    }

    /** Gemini's counts: input without the cached part, output with the thinking tokens. */
    private static TokenUsage usage(JsonNode metadata) {
        long cached = metadata.path("cachedContentTokenCount").asLong(0);
        long thoughts = metadata.path("thoughtsTokenCount").asLong(0);
        long input = metadata.path("promptTokenCount").asLong(0) + metadata.path("toolUsePromptTokenCount").asLong(0);
        return new TokenUsage(input - cached, metadata.path("responseTokenCount").asLong(0) + thoughts, cached, 0,
                thoughts);
    }

    private static int rate(String mimeType) {
        Matcher rate = RATE.matcher(mimeType);
        return rate.find() ? Integer.parseInt(rate.group(1)) : AudioFormat.PCM16_24KHZ_MONO.sampleRate();
    }

    private static void blob(ObjectNode blob, byte[] data, String mimeType) {
        blob.put("data", Base64.getEncoder().encodeToString(data)).put("mimeType", mimeType);
    }

    private Mono<Void> realtimeInput(Consumer<ObjectNode> fill) {
        return sending(() -> {
            ObjectNode message = JsonMapper.shared().createObjectNode();
            fill.accept(message.putObject("realtimeInput"));
            return message;
        });
    }

    private Mono<Void> sending(Supplier<ObjectNode> message) {
        return Mono.fromRunnable(() -> send(message.get()));
    }
}
