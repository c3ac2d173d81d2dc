/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.state;

import dev.promptkit.autoconfigure.PromptKitContextRunners;
import dev.promptkit.spring.PromptTool;
import dev.promptkit.spring.ToolParam;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The shop's tools as an application writes them: refunds over 1000 wait for approval; counts the refunds made. */
public class RefundTools {

    final AtomicInteger refunds = new AtomicInteger();

    /**
     * An application with these tools on Spring Boot's own Redis auto-configuration and PromptKit's, configured by
     * {@code properties} only ({@code spring.data.redis.*}), as a user's application is.
     */
    ApplicationContextRunner inApplication(String... properties) {
        return PromptKitContextRunners.withMockProvider()
                .withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class,
                        DataRedisReactiveAutoConfiguration.class, PromptKitRedisClientAutoConfiguration.class,
                        PromptKitRedisStateStoreAutoConfiguration.class))
                .withBean("refundTools", RefundTools.class, () -> this)
                .withPropertyValues(properties);
    }

    @PromptTool("lookup_order")
    public String lookup(@ToolParam("order_id") String orderId) {
        return "order " + orderId + " has shipped";
    }

    @PromptTool(value = "process_refund", requiresApproval = "#amount > 1000",
            approvalMessage = "Refunds over 1000 need a manager")
    public String refund(@ToolParam("order_id") String orderId, double amount) {
        return "refunded " + amount + " (refund #" + refunds.incrementAndGet() + ")";
    }
}
