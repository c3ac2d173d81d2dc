/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.example.desk;

import dev.promptkit.spring.PromptTool;
import dev.promptkit.spring.ToolParam;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.stereotype.Component;

/** The help desk: the desk prompt of desk.pack.json, its order lookup answered by {@link Orders}. */
@SpringBootApplication
public class HelpDeskApplication {

    public static void main(String[] args) {
        SpringApplication.run(HelpDeskApplication.class, args);
    }

    /** The shop's orders. */
    @Component
    public static class Orders {

        /** An order as the assistant sees it. */
        public record Order(String orderId, String status) {
        }

        @PromptTool("lookup_order")
        public Order lookup(@ToolParam("order_id") String orderId) {
            return new Order(orderId, "shipped");
        }
    }
}
