/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.promptkit.autoconfigure.provider.PromptKitProviderProperties;
import dev.promptkit.autoconfigure.voice.OpenAiSpeechEndpoint;
import dev.promptkit.autoconfigure.voice.PromptKitVoiceProperties;
import dev.promptkit.provider.ProviderRegistry;
import dev.promptkit.provider.ProviderSpec;
import dev.promptkit.provider.http.HttpProviderSettings;
import dev.promptkit.sdk.Conversation;
import dev.promptkit.sdk.ConversationOptions;
import dev.promptkit.sdk.Conversations;
import dev.promptkit.test.ExceptionChain;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * An API key given in every usual place (the provider's {@code api-key}, an extra header, the {@code OPENAI_API_KEY}
 * variable, the voice services' {@code api-key}) shows up in no actuator endpoint, no error of a failed call, no {@code toString()} of the configuration and
 * no log line. The mock stays the default provider; the {@code backup} provider points at a port that refuses
 * connections, so a call on it fails with a connection error.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "promptkit.providers.assistant.type=mock", "promptkit.providers.assistant.options.script=classpath:mock-responses.yaml",
        "promptkit.providers.backup.type=openai", "promptkit.providers.backup.api-key=" + ApiKeyLeakTests.KEY,
        "promptkit.providers.backup.base-url=http://127.0.0.1:9/v1",
        "promptkit.providers.backup.headers.x-api-key=" + ApiKeyLeakTests.KEY,
        "promptkit.default-provider=assistant", "OPENAI_API_KEY=" + ApiKeyLeakTests.KEY,
        "ANTHROPIC_API_KEY=" + ApiKeyLeakTests.KEY, "promptkit.voice.mode=vad",
        "promptkit.voice.openai.api-key=" + ApiKeyLeakTests.KEY, "promptkit.voice.openai.base-url=http://127.0.0.1:9/v1",
        "logging.level.dev.promptkit=DEBUG" })
@AutoConfigureWebTestClient(timeout = "PT30S")
@ExtendWith(OutputCaptureExtension.class)
class ApiKeyLeakTests {

    static final String KEY = "sk-test-LEAKCHECK-1234567890";

    /** A part of the key that a truncated or partly masked copy would still show. */
    private static final String KEY_PART = "LEAKCHECK";

    @Autowired
    private WebTestClient client;

    @Autowired
    private Conversations conversations;

    @Autowired
    private ProviderRegistry providers;

    @Autowired
    private PromptKitProviderProperties properties;

    @Autowired
    private PromptKitVoiceProperties voiceProperties;

    @Autowired
    private OpenAiSpeechEndpoint speechEndpoint;

    @Test
    void theKeyIsInNoEndpointErrorConfigurationOrLog(CapturedOutput output) {
        Map<String, String> seen = new LinkedHashMap<>();

        for (String endpoint : List.of("/actuator", "/actuator/health", "/actuator/promptkit", "/actuator/prometheus",
                "/actuator/info")) {
            String body = client.get().uri(endpoint).exchange().expectStatus().isOk().expectBody(String.class)
                    .returnResult().getResponseBody();
            seen.put(endpoint, body);
        }
        assertThat(seen.get("/actuator/promptkit")).contains("\"backup\"", "\"mode\":\"vad\"",
                "\"keySource\":\"promptkit.voice.openai.api-key\"");

        ConversationOptions options = conversations.defaults().toBuilder().provider(providers.get("backup")).build();
        Conversation conversation = conversations.open(conversations.defaultPackName(), "support", options);
        Throwable failure = catchThrowable(() -> conversation.send("where is my order A-1001?"));
        assertThat(failure).as("a call on the refused port").isNotNull();
        seen.put("the failure and its causes", ExceptionChain.text(failure));
        assertThat(seen.get("the failure and its causes")).contains("'backup'", "Connection refused");

        PromptKitProviderProperties.Provider backup = properties.providers().get("backup");
        assertThat(backup.apiKey()).isEqualTo(KEY);
        seen.put("PromptKitProviderProperties", properties.toString());
        seen.put("PromptKitProviderProperties.Provider", backup.toString());
        ProviderSpec spec = ProviderSpec.builder("backup", backup.type()).apiKey(backup.apiKey())
                .baseUrl(backup.baseUrl()).model(backup.model()).headers(backup.headers()).options(backup.options())
                .build();
        seen.put("ProviderSpec", spec.toString());
        seen.put("ConversationOptions", ConversationOptions.builder().apiKey(KEY).provider(providers.get("backup"))
                .build().toString());
        seen.put("ConversationOptions of the conversation", options.toString());
        seen.put("HttpProviderSettings", HttpProviderSettings.builder().baseUrl(backup.baseUrl()).apiKey(KEY)
                .headers(backup.headers()).build().toString());
        seen.put("the backup provider", providers.get("backup").toString());
        seen.put("PromptKitVoiceProperties", voiceProperties.toString());
        seen.put("OpenAiSpeechEndpoint", speechEndpoint.toString());
        seen.put("the provider registry", providers.toString());
        seen.put("the log", output.getAll());
        assertThat(output.getAll()).as("the log from start-up on, at DEBUG for PromptKit")
                .contains("Started ApiKeyLeakTests", "Retry 1 of provider 'backup'");

        seen.forEach((where, text) -> assertThat(text).as("%s", where).isNotNull().doesNotContain(KEY_PART));
    }
}
