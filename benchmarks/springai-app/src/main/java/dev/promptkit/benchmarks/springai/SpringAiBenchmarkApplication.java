/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.benchmarks.springai;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Spring AI side of the load benchmark: {@code POST /chat} streams a {@code ChatClient} answer as SSE, with the
 * same contract as the PromptKit app.
 */
@SpringBootApplication
public class SpringAiBenchmarkApplication {

    public static void main(String[] args) {
        SpringApplication.run(SpringAiBenchmarkApplication.class, args);
    }
}
