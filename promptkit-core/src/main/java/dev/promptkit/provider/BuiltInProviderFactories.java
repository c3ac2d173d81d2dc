/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider;

import dev.promptkit.provider.anthropic.AnthropicProvider;
import dev.promptkit.provider.gemini.GeminiProvider;
import dev.promptkit.provider.http.HttpProvider;
import dev.promptkit.provider.mock.MockProvider;
import dev.promptkit.provider.mock.MockScript;
import dev.promptkit.provider.ollama.OllamaProvider;
import dev.promptkit.provider.openai.OpenAiApi;
import dev.promptkit.provider.openai.OpenAiProvider;
import dev.promptkit.provider.platform.Platform;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The factories of the built-in provider types. Every HTTP type takes the spec's {@link ProviderSpec#http() HTTP
 * settings}, and every type, the mock too, its {@link ProviderSpec#limits() answer limits}. Options they read:
 * {@code api-version} (openai: Azure OpenAI mode), {@code api} (openai: {@code responses} or {@code chat-completions},
 * the API every call goes to; chosen per call by model and base URL when unset), {@code realtime-model} (openai: the model of duplex sessions),
 * {@code live-model} (gemini: the model of duplex sessions), {@code prompt-caching} (anthropic: {@code true} or
 * {@code false}, whether long prompts get cache breakpoints), {@code script} (mock: a scripted-responses file,
 * {@code classpath:} prefix allowed), {@code chunk-size} (mock: characters per chunk, a number or its text) and
 * {@code chunk-delay} (mock: the delay between chunks, a {@link Duration} or text such as "15ms" or ISO-8601), and
 * {@value #PLATFORM} (openai, anthropic, gemini: a {@link Platform}, the cloud platform that serves the vendor's
 * models).
 */
final class BuiltInProviderFactories {

    /** The option that holds a {@link Platform}. */
    static final String PLATFORM = "platform";

    private BuiltInProviderFactories() {
    }

    static List<ProviderFactory> all(ProviderHost host) {
        return List.of(
                factory(OpenAiProvider.TYPE, spec -> {
                    OpenAiProvider.Builder builder = hosted(OpenAiProvider.builder(), spec, host);
                    if (spec.model() != null) {
                        builder.model(spec.model());
                    }
                    platform(spec).ifPresent(builder::platform);
                    if (spec.option("api-version") != null) {
                        builder.azure(spec.option("api-version"));
                    }
                    if (spec.option("api") != null) {
                        builder.api(OpenAiApi.of(spec.option("api")));
                    }
                    if (spec.option("realtime-model") != null) {
                        builder.realtimeModel(spec.option("realtime-model"));
                    }
                    return builder.build();
                }),
                factory(AnthropicProvider.TYPE, spec -> {
                    AnthropicProvider.Builder builder = hosted(AnthropicProvider.builder(), spec, host);
                    platform(spec).ifPresent(builder::platform);
                    Object caching = spec.options().get("prompt-caching");
                    if (caching != null) {
                        builder.promptCaching(flag(spec, "prompt-caching", caching));
                    }
                    return (spec.model() != null ? builder.model(spec.model()) : builder).build();
                }),
                factory(GeminiProvider.TYPE, spec -> {
                    GeminiProvider.Builder builder = hosted(GeminiProvider.builder(), spec, host);
                    platform(spec).ifPresent(builder::platform);
                    if (spec.option("live-model") != null) {
                        builder.liveModel(spec.option("live-model"));
                    }
                    return (spec.model() != null ? builder.model(spec.model()) : builder).build();
                }),
                factory(OllamaProvider.TYPE, spec -> {
                    OllamaProvider.Builder builder = hosted(OllamaProvider.builder(), spec, host);
                    return (spec.model() != null ? builder.model(spec.model()) : builder).build();
                }),
                factory(MockProvider.TYPE, BuiltInProviderFactories::mock));
    }

    private static Provider mock(ProviderSpec spec) {
        MockProvider.Builder builder = MockProvider.builder().name(spec.name()).answerLimits(spec.limits());
        if (spec.model() != null) {
            builder.model(spec.model());
        }
        String script = spec.option("script");
        if (script != null) {
            builder.script(script.startsWith("classpath:") ? MockScript.fromClasspath(script.substring(10))
                    : MockScript.load(Path.of(script)));
        }
        Object delay = spec.options().get("chunk-delay");
        if (delay != null) {
            builder.chunkDelay(delay instanceof Duration duration ? duration : parseDuration(delay.toString()));
        }
        Object chunkSize = spec.options().get("chunk-size");
        if (chunkSize != null) {
            builder.chunkSize(chunkSize instanceof Integer size ? size : Integer.parseInt(chunkSize.toString().trim()));
        }
        return builder.build();
    }

    /** The builder with the spec's name and settings and what the host lends. */
    private static <B extends HttpProvider.Builder<B, ?>> B hosted(B builder, ProviderSpec spec, ProviderHost host) {
        return builder.name(spec.name()).settings(spec.http()).answerLimits(spec.limits())
                .listener(host.listeners().apply(spec.name())).webClient(host.webClients().get());
    }

    /** The spec's {@value #PLATFORM} option; anything but a {@link Platform} there is refused. */
    private static Optional<Platform> platform(ProviderSpec spec) {
        Object platform = spec.options().get(PLATFORM);
        if (platform == null || platform instanceof Platform) {
            return Optional.ofNullable((Platform) platform);
        }
        throw new IllegalArgumentException("the option 'platform' must be a " + Platform.class.getName()
                + ", was " + platform.getClass().getName());
    }

    /** A {@code true}/{@code false} option, given as a boolean or its text. */
    private static boolean flag(ProviderSpec spec, String option, Object value) {
        if (value instanceof Boolean flag) {
            return flag;
        }
        String text = value.toString().trim();
        if (!"true".equalsIgnoreCase(text) && !"false".equalsIgnoreCase(text)) {
            throw new IllegalArgumentException("Option '" + option + "' of provider '" + spec.name()
                    + "' must be true or false, was '" + text + "'");
        }
        return Boolean.parseBoolean(text);
    }

    /** Reads "15ms", "2s" or an ISO-8601 duration such as "PT0.015S". */
    private static Duration parseDuration(String text) {
        String value = text.trim();
        if (value.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2).trim()));
        }
        if (value.endsWith("s") && !value.startsWith("P")) {
            return Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1).trim()));
        }
        return Duration.parse(value);
    }

    private static ProviderFactory factory(String type, Function<ProviderSpec, Provider> create) {
        return new ProviderFactory() {
            @Override
            public String type() {
                return type;
            }

            @Override
            public Provider create(ProviderSpec spec) {
                return create.apply(spec);
            }
        };
    }
}
