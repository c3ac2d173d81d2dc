/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.benchmarks.langchain4j;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The LangChain4j side of the load benchmark: {@code POST /chat} streams the answer of an AI Service, which runs
 * the {@code lookup_order} tool round, as SSE.
 */
@SpringBootApplication
public class LangChain4jBenchmarkApplication {

    public static void main(String[] args) {
        SpringApplication.run(LangChain4jBenchmarkApplication.class, args);
    }
}
