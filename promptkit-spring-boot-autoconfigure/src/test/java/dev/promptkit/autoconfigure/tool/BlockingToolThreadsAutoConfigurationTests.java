/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.tool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.autoconfigure.PromptKitContextRunners;
import dev.promptkit.autoconfigure.actuate.PromptKitActuatorAutoConfiguration;
import dev.promptkit.autoconfigure.actuate.PromptKitEndpoint;
import dev.promptkit.sdk.Conversations;
import dev.promptkit.sdk.Response;
import dev.promptkit.spring.PromptTool;
import dev.promptkit.spring.ToolParam;
import dev.promptkit.tool.BlockingToolThreads;
import dev.promptkit.types.ToolResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import reactor.core.publisher.Flux;

/**
 * Where blocking {@code @PromptTool} methods and {@code onTool} handlers run: {@code promptkit.tools.blocking.*},
 * {@code spring.threads.virtual.enabled}, the JVM's version, a bean of the application's, and the actuator's view.
 */
class BlockingToolThreadsAutoConfigurationTests {

    private static final int JAVA = Runtime.version().feature();

    private final ApplicationContextRunner contextRunner = PromptKitContextRunners.withMockProvider();

    @Test
    void byDefaultVirtualThreadsFromJava24AndBeforeThatAPoolOf512() {
        contextRunner.run(context -> {
            BlockingToolThreads threads = context.getBean(BlockingToolThreads.class);
            assertThat(threads.virtual()).isEqualTo(JAVA >= 24);
            assertThat(threads.maxThreads()).isEqualTo(JAVA >= 24 ? -1 : 512);
        });
    }

    @Test
    void thePlatformPoolIsSizedByProperties() {
        contextRunner.withPropertyValues("promptkit.tools.blocking.threads=platform",
                "promptkit.tools.blocking.max-threads=64", "promptkit.tools.blocking.keep-alive=10s").run(context -> {
                    BlockingToolThreads threads = context.getBean(BlockingToolThreads.class);
                    assertThat(threads.virtual()).isFalse();
                    assertThat(threads.maxThreads()).isEqualTo(64);
                });
    }

    @Test
    void springThreadsVirtualEnabledTurnsVirtualThreadsOnWhereTheJvmHasThem() {
        contextRunner.withPropertyValues("spring.threads.virtual.enabled=true").run(context -> assertThat(
                context.getBean(BlockingToolThreads.class).virtual()).isEqualTo(JAVA >= 21));
    }

    @Test
    void springThreadsVirtualDisabledKeepsThePlatformPoolOnEveryJvm() {
        contextRunner.withPropertyValues("spring.threads.virtual.enabled=false").run(context -> {
            assertThat(context.getBean(BlockingToolThreads.class).virtual()).isFalse();
            assertThat(context.getBean(BlockingToolThreads.class).maxThreads()).isEqualTo(512);
        });
    }

    @Test
    void askingForVirtualThreadsGetsThemOnJava21AndFailsStartUpClearlyBefore() {
        contextRunner.withPropertyValues("promptkit.tools.blocking.threads=virtual").run(context -> {
            if (JAVA >= 21) {
                assertThat(context.getBean(BlockingToolThreads.class).virtual()).isTrue();
                return;
            }
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .isInstanceOf(InvalidConfigurationPropertyValueException.class)
                    .hasMessage("Property promptkit.tools.blocking.threads with value 'virtual' is invalid: Virtual "
                            + "threads need Java 21 or later, and this JVM is Java " + JAVA + ". Use auto or platform.");
        });
    }

    @Test
    void aPoolOfNoThreadsFailsStartUpNamingTheProperty() {
        contextRunner.withPropertyValues("promptkit.tools.blocking.threads=platform",
                "promptkit.tools.blocking.max-threads=0").run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause()
                            .isInstanceOf(InvalidConfigurationPropertyValueException.class)
                            .hasMessage("Property promptkit.tools.blocking.max-threads with value '0' is invalid: It "
                                    + "must be at least 1.");
                });
        contextRunner.withPropertyValues("promptkit.tools.blocking.keep-alive=0s").run(context -> assertThat(
                context.getStartupFailure()).rootCause().hasMessage("Property promptkit.tools.blocking.keep-alive with "
                        + "value 'PT0S' is invalid: It must be positive."));
    }

    @Test
    void theApplicationsOwnThreadsRunItsToolMethodsAndOnToolHandlers() {
        BlockingToolThreads own = BlockingToolThreads.platformThreads(3, Duration.ofSeconds(30));
        contextRunner.withBean(BlockingToolThreads.class, () -> own).withBean("shopTools", ThreadNamingTools.class)
                .run(context -> {
                    assertThat(context).getBean(BlockingToolThreads.class).isSameAs(own);
                    Conversations conversations = context.getBean(Conversations.class);
                    assertThat(conversations.defaults().tools().blockingThreads()).isSameAs(own);

                    conversations.open("chat").send("where is order A-1?");

                    assertThat(context.getBean(ThreadNamingTools.class).thread.get()).startsWith("promptkit-tool-");
                });
    }

    @Test
    void twoHundredConversationsRunTheirBlockingToolMethodsAllAtOnceOnTheDefaults() {
        contextRunner.withPropertyValues("promptkit.conversation.tool-timeout=60s")
                .withBean("shopTools", MeetingTools.class).run(context -> {
                    Conversations conversations = context.getBean(Conversations.class);

                    List<Response> responses = Flux.range(0, MeetingTools.CALLS)
                            .flatMap(i -> conversations.open("chat").sendAsync("where is order A-1?"),
                                    MeetingTools.CALLS)
                            .collectList().block(Duration.ofSeconds(90));

                    assertThat(responses).hasSize(MeetingTools.CALLS).allSatisfy(response -> assertThat(
                            response.toolResults()).extracting(ToolResult::content).containsExactly("met"));
                });
    }

    @Test
    @SuppressWarnings("unchecked")
    void theActuatorShowsWhereBlockingToolsRunAndWhatTheyDo() {
        contextRunner.withConfiguration(AutoConfigurations.of(PromptKitActuatorAutoConfiguration.class))
                .withPropertyValues("promptkit.tools.blocking.threads=platform",
                        "promptkit.tools.blocking.max-threads=32", "management.endpoints.web.exposure.include=promptkit")
                .run(context -> {
                    Map<String, Object> blocking = (Map<String, Object>) context.getBean(PromptKitEndpoint.class)
                            .describe().get("blockingTools");
                    assertThat(blocking).containsExactly(Map.entry("threads", "platform"),
                            Map.entry("maxThreads", 32), Map.entry("waiting", 0), Map.entry("running", 0),
                            Map.entry("overrunning", 0));
                });
    }

    static class ThreadNamingTools {
        final AtomicReference<String> thread = new AtomicReference<>();

        @PromptTool("lookup_order")
        public String lookup(@ToolParam("order_id") String orderId) {
            thread.set(Thread.currentThread().getName());
            return "shipped";
        }
    }

    /** A JDBC-like tool: blocks its thread; returns only once {@value #CALLS} calls are running at the same time. */
    static class MeetingTools {
        static final int CALLS = 200;
        private final CyclicBarrier allRunning = new CyclicBarrier(CALLS);

        @PromptTool("lookup_order")
        public String lookup(@ToolParam("order_id") String orderId) throws Exception {
            allRunning.await(30, TimeUnit.SECONDS);
            return "met";
        }
    }
}
