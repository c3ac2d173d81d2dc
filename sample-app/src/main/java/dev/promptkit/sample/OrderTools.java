/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sample;

import dev.promptkit.spring.PromptTool;
import dev.promptkit.spring.ToolParam;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;

/**
 * The shop's order desk, answering the support pack's tools. Refunds above the approval threshold wait
 * for a human (see {@code requiresApproval}).
 */
@Component
class OrderTools {

    /** An order as the assistant sees it. */
    record Order(String orderId, String status, List<String> items, BigDecimal paid, LocalDate delivery) {
    }

    /** What a refund returns. */
    record Refund(String orderId, BigDecimal amount, String reason, String status) {
    }

    private final Map<String, Order> orders = Map.of(
            "A-1001", new Order("A-1001", "shipped", List.of("kettle", "mug", "mug"), new BigDecimal("89.90"),
                    LocalDate.now().plusDays(3)),
            "A-1002", new Order("A-1002", "delivered", List.of("teapot"), new BigDecimal("35.00"),
                    LocalDate.now().minusDays(2)));
    private final List<Refund> refunds = new CopyOnWriteArrayList<>();

    @PromptTool("lookup_order")
    Order lookup(@ToolParam("order_id") String orderId) {
        Order order = orders.get(orderId);
        if (order == null) {
            throw new IllegalArgumentException("No order " + orderId + "; order ids look like A-1001");
        }
        return order;
    }

    @PromptTool(value = "process_refund", requiresApproval = "#amount > 100",
            approvalMessage = "Refunds over $100 need a supervisor's approval")
    Refund refund(@ToolParam("order_id") String orderId, BigDecimal amount, String reason) {
        Refund refund = new Refund(orderId, amount, reason, "refunded");
        refunds.add(refund);
        return refund;
    }

    /** Refunds made so far, in order: the ledger a payment provider would keep. */
    List<Refund> refunds() {
        return List.copyOf(refunds);
    }

    /** How many refunds were made so far. */
    int refundCount() {
        return refunds.size();
    }
}
