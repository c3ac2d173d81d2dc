/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.openai;

import dev.promptkit.provider.http.HttpServiceBuilder;
import java.util.function.Function;

/**
 * Builds one of OpenAI's speech services ({@link OpenAiSttService}, {@link OpenAiTtsService}); only the API key (in
 * the settings) is usually needed. The name and model default to the service's {@code DEFAULT_NAME} and
 * {@code DEFAULT_MODEL}, the base URL to {@link OpenAiProvider#DEFAULT_BASE_URL}.
 *
 * @param <S> the service it builds
 * @since 0.1.0
 */
public final class OpenAiSpeechBuilder<S> extends HttpServiceBuilder<OpenAiSpeechBuilder<S>, S> {

    OpenAiSpeechBuilder(String name, String model, Function<OpenAiSpeechBuilder<S>, S> constructor) {
        super(name, model, OpenAiProvider.DEFAULT_BASE_URL, constructor);
    }

    /** The client the service sends its requests through, made from this builder's settings. */
    OpenAiAudioClient client() {
        return new OpenAiAudioClient(name(), model(), resolvedSettings(), webClient());
    }
}
