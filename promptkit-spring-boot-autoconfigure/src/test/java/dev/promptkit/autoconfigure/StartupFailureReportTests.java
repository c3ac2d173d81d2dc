/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

import dev.promptkit.autoconfigure.mcp.PromptKitMcpAutoConfiguration;
import dev.promptkit.autoconfigure.media.PromptKitMediaAutoConfiguration;
import dev.promptkit.autoconfigure.pack.PromptKitPackAutoConfiguration;
import dev.promptkit.autoconfigure.provider.PromptKitProviderAutoConfiguration;
import dev.promptkit.autoconfigure.state.PromptKitRedisStateStoreAutoConfiguration;
import dev.promptkit.autoconfigure.state.PromptKitStateStoreAutoConfiguration;
import dev.promptkit.autoconfigure.tool.PromptKitToolsAutoConfiguration;
import dev.promptkit.autoconfigure.voice.PromptKitVoiceAutoConfiguration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

/**
 * Whole applications that fail to start, as a user sees them: Spring Boot's "APPLICATION FAILED TO START" report
 * with PromptKit's analyzers (registered in {@code META-INF/spring.factories}) and, for an enumerated property with
 * a wrong value, Boot's own list of the valid values. Each report is also written to
 * {@code target/startup-failures/<name>.txt}.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureReportTests {

    @Test
    void aMalformedPack(CapturedOutput output) throws IOException {
        assertThat(report(output, "malformed-pack", "--promptkit.pack=classpath:malformed/malformed.pack.json"))
                .contains("PromptKit could not load the pack classpath:malformed/malformed.pack.json:")
                .contains("malformed JSON at line 3, column 3").contains("Action:");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = { "promptkit.state-store.type | mongo | MEMORY REDIS",
            "promptkit.conversation.truncation | slide | FAIL RELEVANCE SLIDING SUMMARIZE",
            "promptkit.validation.mode | strict | DISABLED ERROR WARN", "promptkit.voice.mode | realtime | ASM VAD",
            "promptkit.mcp.servers.legacy.transport | websocket | SSE STDIO STREAMABLE_HTTP" })
    void anEnumeratedPropertyWithAValueThatDoesNotExistListsTheValidOnes(String property, String value, String valid,
            CapturedOutput output) throws IOException {
        assertThat(report(output, property, "--" + property + "=" + value))
                .contains("Failed to bind properties under '" + property + "'").contains("Value: \"" + value + "\"")
                .containsPattern("The following values are valid:\\s+" + valid.replace(" ", "\\s+"));
    }

    @Test
    void anUnresolvedApiKeyWithTheMockDisabled(CapturedOutput output) throws IOException {
        assertThat(report(output, "unresolved-api-key", "--promptkit.mock.enabled=false",
                "--promptkit.providers.openai.api-key=${OPENAI_TEST_KEY_NOT_SET}"))
                .contains("promptkit.providers.openai.api-key is the unresolved placeholder ${OPENAI_TEST_KEY_NOT_SET}")
                .contains("Set the environment variable OPENAI_TEST_KEY_NOT_SET");
    }

    @Test
    void redisWithoutAConnection(CapturedOutput output) throws IOException {
        assertThat(report(output, "redis-without-connection", "--promptkit.state-store.type=redis"))
                .contains("promptkit.state-store.type is redis, but the application has no Redis connection");
    }

    /** Starts the application with the arguments, expects it to fail, and returns the failure report it logged. */
    private static String report(CapturedOutput output, String name, String... arguments) throws IOException {
        SpringApplication application = new SpringApplication(Application.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        String[] all = new String[arguments.length + 6];
        System.arraycopy(new String[] { "--OPENAI_API_KEY=", "--ANTHROPIC_API_KEY=", "--GEMINI_API_KEY=",
                "--GOOGLE_API_KEY=", "--OLLAMA_HOST=", "--spring.main.banner-mode=off" }, 0, all, 0, 6);
        System.arraycopy(arguments, 0, all, 6, arguments.length);
        assertThatException().isThrownBy(() -> application.run(all).close());
        String out = output.getOut();
        int start = out.indexOf("***************************");
        assertThat(start).as("an APPLICATION FAILED TO START report").isNotNegative();
        String report = out.substring(start);
        Path file = Path.of("target/startup-failures/" + name + ".txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report);
        return report;
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({ PromptKitEventsAutoConfiguration.class, PromptKitAutoConfiguration.class,
            PromptKitPackAutoConfiguration.class, PromptKitProviderAutoConfiguration.class,
            PromptKitRedisStateStoreAutoConfiguration.class, PromptKitStateStoreAutoConfiguration.class,
            PromptKitToolsAutoConfiguration.class, PromptKitMcpAutoConfiguration.class,
            PromptKitVoiceAutoConfiguration.class, PromptKitMediaAutoConfiguration.class })
    static class Application {
    }
}
