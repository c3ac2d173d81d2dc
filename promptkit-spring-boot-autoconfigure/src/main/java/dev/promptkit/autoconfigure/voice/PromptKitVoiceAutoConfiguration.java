/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.voice;

import dev.promptkit.autoconfigure.ConversationOptionsCustomizer;
import dev.promptkit.autoconfigure.PromptKitAutoConfiguration;
import dev.promptkit.autoconfigure.provider.PromptKitProviderAutoConfiguration;
import dev.promptkit.autoconfigure.provider.PromptKitProviderProperties;
import dev.promptkit.provider.ProviderRegistry;
import dev.promptkit.provider.openai.OpenAiSttService;
import dev.promptkit.provider.openai.OpenAiTtsService;
import dev.promptkit.speech.SttService;
import dev.promptkit.speech.TtsService;
import dev.promptkit.voice.TurnDetectorFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Voice for duplex conversations ({@code promptkit.voice.*}): the {@link VoiceSettings} that every duplex
 * conversation of the {@code Conversations} bean is opened with and, with {@code promptkit.voice.mode=vad}, OpenAI
 * speech-to-text and text-to-speech services (unless the application defines its own {@link SttService} or
 * {@link TtsService}), closed with the context; with {@code promptkit.voice.speak-text-answers=true}, a text-to-speech
 * service that speaks the answers of text conversations. A {@link TurnDetectorFactory} bean replaces the silence
 * detector of VAD mode.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = PromptKitProviderAutoConfiguration.class, before = PromptKitAutoConfiguration.class,
        afterName = "org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration")
@EnableConfigurationProperties({ PromptKitVoiceProperties.class, PromptKitProviderProperties.class })
public final class PromptKitVoiceAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    VoiceSettings promptKitVoiceSettings(PromptKitVoiceProperties properties, ProviderRegistry providers,
            ObjectProvider<SttService> stt, ObjectProvider<TtsService> tts,
            ObjectProvider<OpenAiSpeechEndpoint> openAi, ObjectProvider<TurnDetectorFactory> turnDetectors) {
        return new VoiceSettings(properties, providers.defaultProvider(), stt.getIfUnique(), tts.getIfUnique(),
                openAi.getIfAvailable(), turnDetectors.getIfUnique());
    }

    @Bean
    @Order(ConversationOptionsCustomizer.STARTER_ORDER)
    @ConditionalOnMissingBean(name = "promptKitVoiceOptions")
    ConversationOptionsCustomizer promptKitVoiceOptions(VoiceSettings settings) {
        return settings::applyTo;
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(SpeechWanted.class)
    static class OpenAiSpeechConfiguration {

        @Bean
        @ConditionalOnMissingBean
        OpenAiSpeechEndpoint promptKitOpenAiSpeechEndpoint(PromptKitVoiceProperties properties,
                PromptKitProviderProperties providers, Environment environment) {
            return OpenAiSpeechEndpoint.resolve(properties.openai(), providers, environment);
        }

        @Bean(destroyMethod = "close")
        @ConditionalOnProperty(name = "promptkit.voice.mode", havingValue = "vad")
        @ConditionalOnMissingBean(SttService.class)
        OpenAiSttService promptKitSttService(OpenAiSpeechEndpoint endpoint, PromptKitVoiceProperties properties,
                ObjectProvider<WebClient.Builder> webClients) {
            return OpenAiSttService.builder().model(properties.openai().sttModel()).settings(endpoint.settings())
                    .webClient(webClients.getIfAvailable(WebClient::builder)).build();
        }

        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean(TtsService.class)
        OpenAiTtsService promptKitTtsService(OpenAiSpeechEndpoint endpoint, PromptKitVoiceProperties properties,
                ObjectProvider<WebClient.Builder> webClients) {
            return OpenAiTtsService.builder().model(properties.openai().ttsModel()).settings(endpoint.settings())
                    .webClient(webClients.getIfAvailable(WebClient::builder)).build();
        }
    }

    /** VAD mode, or speech on text turns: either needs a text-to-speech service. */
    static final class SpeechWanted extends AnyNestedCondition {

        SpeechWanted() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnProperty(name = "promptkit.voice.mode", havingValue = "vad")
        static final class VadMode {
        }

        @ConditionalOnProperty(name = "promptkit.voice.speak-text-answers", havingValue = "true")
        static final class SpokenTextAnswers {
        }
    }
}
