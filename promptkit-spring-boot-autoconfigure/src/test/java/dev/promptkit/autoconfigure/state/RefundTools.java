package dev.promptkit.autoconfigure.state;

import dev.promptkit.tool.annotation.PromptTool;
import dev.promptkit.tool.annotation.ToolParam;
import java.util.concurrent.atomic.AtomicInteger;

/** The shop's tools as an application writes them: refunds over 1000 wait for approval; counts the refunds made. */
public class RefundTools {

    final AtomicInteger refunds = new AtomicInteger();

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
