/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.recording;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.autoconfigure.PromptKitContextRunners;
import dev.promptkit.autoconfigure.StartupFailures;
import dev.promptkit.autoconfigure.actuate.PromptKitActuatorAutoConfiguration;
import dev.promptkit.autoconfigure.actuate.PromptKitEndpoint;
import dev.promptkit.recording.EventRecorder;
import dev.promptkit.recording.FileEventStore;
import dev.promptkit.recording.SessionRecording;
import dev.promptkit.sdk.Conversation;
import dev.promptkit.sdk.Conversations;
import dev.promptkit.test.Await;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code promptkit.recording.*}: off by default; on, every conversation of the application is recorded. */
class PromptKitRecordingAutoConfigurationTests {

    private static final String KEY = "sk-proj-RecordingStarterKey0123456789";

    @TempDir
    Path directory;

    private final ApplicationContextRunner contextRunner = PromptKitContextRunners.withMockProvider()
            .withConfiguration(AutoConfigurations.of(PromptKitRedisRecordingAutoConfiguration.class,
                    PromptKitRecordingAutoConfiguration.class, PromptKitActuatorAutoConfiguration.class))
            .withPropertyValues("management.endpoints.web.exposure.include=promptkit");

    @Test
    void recordingIsOffByDefault() {
        contextRunner.run(context -> {
            assertThat(context).doesNotHaveBean(EventRecorder.class);
            assertThat(recording(context.getBean(PromptKitEndpoint.class))).isEqualTo(Map.of("enabled", false));
        });
    }

    @Test
    void aFileStoreRecordsEachConversationWhichReplaysWithTheSameAnswers() {
        contextRunner.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
                        SimpleMetricsExportAutoConfiguration.class))
                .withPropertyValues("promptkit.recording.enabled=true", "promptkit.recording.directory=" + directory,
                        "promptkit.providers.scripted.type=mock", "promptkit.providers.scripted.api-key=" + KEY)
                .run(context -> {
                    Conversations conversations = context.getBean(Conversations.class);
                    String id;
                    String answer;
                    try (Conversation chat = conversations.open("faq")) {
                        id = chat.id();
                        answer = chat.send("how long does shipping take? my key is " + KEY).text();
                    }
                    FileEventStore store = context.getBean(FileEventStore.class);
                    EventRecorder recorder = context.getBean(EventRecorder.class);
                    Await.until("the turn recorded", Duration.ofSeconds(30), () -> Files.exists(store.file(id))
                            && Files.readString(store.file(id)).contains("pipeline.completed"));
                    SessionRecording session = SessionRecording.read(store.file(id));

                    try (Conversation replay = conversations.replay("faq", session)) {
                        assertThat(replay.send(session.userTexts().get(0)).text()).isEqualTo(answer);
                    }
                    assertThat(Files.readString(store.file(id))).doesNotContain(KEY).doesNotContain(KEY.substring(8));
                    // the replay's own events are still being written: the meter reads the recorder's count
                    Await.until("the meter showing the recorder's count", Duration.ofSeconds(30),
                            () -> context.getBean(MeterRegistry.class).get("promptkit.recording.events")
                                    .functionCounter().count() == recorder.recordedEvents());
                    assertThat(recorder.recordedEvents()).isPositive();
                    assertThat(context.getBean(MeterRegistry.class).get("promptkit.recording.dropped")
                            .functionCounter().count()).isZero();
                    assertThat(recording(context.getBean(PromptKitEndpoint.class))).containsEntry("enabled", true)
                            .containsEntry("store", Map.of("type", "file", "directory", directory.toString(),
                                    "ttl", "none"))
                            .containsKeys("recordedEvents", "droppedEvents");
                });
    }

    @Test
    void redisAskedForWithoutAConnectionSaysHowToFixIt() {
        FailureAnalysis analysis = StartupFailures.analysis(contextRunner.withPropertyValues(
                "promptkit.recording.enabled=true", "promptkit.recording.store=redis"), new RecordingFailureAnalyzer());

        assertThat(analysis.getDescription()).contains("promptkit.recording.store is redis, but the application has"
                + " no Redis connection");
        assertThat(analysis.getAction()).contains("spring.data.redis.url")
                .contains("promptkit.recording.store=file (valid values: file, redis)");
    }

    @Test
    void anInvalidSettingFailsStartUpNamingTheProperty() {
        contextRunner.withPropertyValues("promptkit.recording.enabled=true", "promptkit.recording.write-timeout=0s")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("promptkit.recording.write-timeout must be a positive duration"));
        contextRunner.withPropertyValues("promptkit.recording.enabled=true", "promptkit.recording.store=kafka")
                .run(context -> assertThat(StartupFailures.cause(context.getStartupFailure(), BindException.class))
                        .hasMessageContaining("Failed to bind properties under 'promptkit.recording.store'"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> recording(PromptKitEndpoint endpoint) {
        return (Map<String, Object>) endpoint.describe().get("recording");
    }
}
