/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.tool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.autoconfigure.PromptKitContextRunners;
import dev.promptkit.autoconfigure.pack.PromptKitPackAutoConfiguration;
import dev.promptkit.autoconfigure.provider.PromptKitProviderAutoConfiguration;
import dev.promptkit.autoconfigure.state.PromptKitStateStoreAutoConfiguration;
import dev.promptkit.sdk.Conversation;
import dev.promptkit.sdk.Conversations;
import dev.promptkit.sdk.Response;
import dev.promptkit.spring.PromptTool;
import dev.promptkit.spring.ToolParam;
import dev.promptkit.tool.ToolContext;
import dev.promptkit.types.ToolResult;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.aopalliance.intercept.MethodInterceptor;
import org.junit.jupiter.api.Test;
import org.springframework.aop.framework.autoproxy.DefaultAdvisorAutoProxyCreator;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Mono;

class PromptToolAutoConfigurationTests {

    private final ApplicationContextRunner contextRunner = PromptKitContextRunners.withMockProvider();

    @Test
    void promptToolMethodsAnswerTheModelsCallsWithBoundParameters() {
        contextRunner.withBean("shopTools", ShopTools.class).run(context -> {
            Conversation chat = context.getBean(Conversations.class).open("chat");

            Response response = chat.send("where is order A-1?");

            assertThat(response.toolResults()).singleElement().extracting(ToolResult::content)
                    .isEqualTo("{\"order\":\"A-1\",\"status\":\"shipped\",\"conversation\":\"" + chat.id() + "\"}");
            assertThat(response.text()).isEqualTo("Order A-1 has shipped.");
            assertThat(context.getBean(PromptToolCatalog.class).origins())
                    .containsEntry("lookup_order", "shopTools#lookup")
                    .containsEntry("process_refund", "shopTools#refund");
        });
    }

    @Test
    void aProxiedBeansToolIsCalledThroughItsProxy() {
        contextRunner.withBean("shopTools", ShopTools.class).withUserConfiguration(CountingAdvice.class).run(context -> {
            assertThat(org.springframework.aop.support.AopUtils.isAopProxy(context.getBean(ShopTools.class))).isTrue();

            context.getBean(Conversations.class).open("chat").send("where is order A-1?");

            assertThat(context.getBean(CountingAdvice.class).calls).hasValue(1);
        });
    }

    @Test
    void monoReturnsAreAwaitedAndAnApprovalExpressionHoldsLargeRefunds() {
        contextRunner.withBean("shopTools", ShopTools.class).run(context -> {
            Conversation chat = context.getBean(Conversations.class).open("chat");

            Response small = chat.send("refund 50 please");
            assertThat(small.toolResults()).extracting(ToolResult::content).containsExactly("refunded 50.0");

            Response big = chat.send("a big refund please");
            assertThat(big.pendingTools()).singleElement().satisfies(pending -> {
                assertThat(pending.name()).isEqualTo("process_refund");
                assertThat(pending.message()).isEqualTo("Refunds over 1000 need a manager");
            });
            assertThat(context.getBean(ShopTools.class).refunds).hasValue(1);
        });
    }

    @Test
    void aToolNoPackDeclaresFailsStartUpNamingTheMethodAndThePacksTools() {
        contextRunner.withBean("misnamedTool", MisnamedTool.class).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).isInstanceOf(ToolBindingException.class)
                    .hasMessage("@PromptTool method misnamedTool#lookupOrdr answers tool 'lookupOrdr', which no pack "
                            + "declares; the packs' tools are [lookup_order, process_refund].");
        });
    }

    @Test
    void twoMethodsForOneToolFailStartUp() {
        contextRunner.withBean("shopTools", ShopTools.class).withBean("twin", Twin.class).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).isInstanceOf(ToolBindingException.class)
                    .hasMessage("Tool 'lookup_order' has two handlers: @PromptTool method shopTools#lookup and "
                            + "@PromptTool method twin#again.");
        });
    }

    static class ShopTools {
        final AtomicInteger refunds = new AtomicInteger();

        @PromptTool("lookup_order")
        public Map<String, String> lookup(@ToolParam("order_id") String orderId, ToolContext context) {
            return new java.util.LinkedHashMap<>(Map.of("order", orderId)) {
                {
                    put("status", "shipped");
                    put("conversation", context.conversationId());
                }
            };
        }

        @PromptTool(value = "process_refund", requiresApproval = "#amount > 1000",
                approvalMessage = "Refunds over 1000 need a manager")
        public Mono<String> refund(@ToolParam("order_id") String orderId, double amount) {
            refunds.incrementAndGet();
            return Mono.just("refunded " + amount);
        }
    }

    @Test
    void aReactiveToolMethodIsCalledOnTheCallersThreadAndABlockingOneOnTheBlockingToolThreads() {
        contextRunner.withBean("shopTools", ThreadRecordingTools.class).run(context -> {
            Conversations conversations = context.getBean(Conversations.class);
            ThreadRecordingTools tools = context.getBean(ThreadRecordingTools.class);

            conversations.open("chat").send("where is order A-1?");
            // another conversation: a second turn of the first one may start on the worker that finished its first
            conversations.open("chat").send("refund 50 please");

            assertThat(tools.lookupThread.get()).startsWith("promptkit-tool-");
            assertThat(tools.refundThread.get()).doesNotStartWith("promptkit-tool-");
        });
    }

    static class ThreadRecordingTools {
        final AtomicReference<String> lookupThread = new AtomicReference<>();
        final AtomicReference<String> refundThread = new AtomicReference<>();

        @PromptTool("lookup_order")
        public String lookup(@ToolParam("order_id") String orderId) {
            lookupThread.set(Thread.currentThread().getName());
            return "shipped";
        }

        @PromptTool("process_refund")
        public Mono<String> refund(@ToolParam("order_id") String orderId, double amount) {
            refundThread.set(Thread.currentThread().getName());
            return Mono.just("refunded " + amount);
        }
    }

    @Test
    void aToolExecutorBeanAnswersTheToolItsNameNames() {
        contextRunner.withBean("lookup_order", dev.promptkit.tool.ToolExecutor.class,
                () -> (call, context) -> Mono.just("from the executor bean for " + call.arguments().get("order_id")))
                .run(context -> {
                    Response response = context.getBean(Conversations.class).open("chat").send("where is order A-1?");
                    assertThat(response.toolResults()).extracting(ToolResult::content)
                            .containsExactly("from the executor bean for A-1");
                    assertThat(context.getBean(PromptToolCatalog.class).origins())
                            .containsEntry("lookup_order", "bean lookup_order");
                });
    }

    @Configuration(proxyBeanMethods = false)
    static class CountingAdvice {
        final AtomicInteger calls = new AtomicInteger();

        @Bean
        static DefaultAdvisorAutoProxyCreator autoProxyCreator() {
            DefaultAdvisorAutoProxyCreator creator = new DefaultAdvisorAutoProxyCreator();
            creator.setProxyTargetClass(true);
            return creator;
        }

        @Bean
        DefaultPointcutAdvisor lookupCounter() {
            org.springframework.aop.support.NameMatchMethodPointcut pointcut =
                    new org.springframework.aop.support.NameMatchMethodPointcut();
            pointcut.setMappedName("lookup");
            return new DefaultPointcutAdvisor(pointcut, (MethodInterceptor) invocation -> {
                calls.incrementAndGet();
                return invocation.proceed();
            });
        }
    }

    static class MisnamedTool {
        @PromptTool
        public String lookupOrdr(String orderId) {
            return orderId;
        }
    }

    static class Twin {
        @PromptTool("lookup_order")
        public String again(@ToolParam("order_id") String orderId) {
            return orderId;
        }
    }
}
