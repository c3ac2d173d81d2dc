/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sample;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sample's own settings.
 *
 * @param prompt the prompt new conversations use unless the request names another
 * @param maxMessageLength the longest message accepted (longer ones get 413)
 */
@ConfigurationProperties("sample")
public record SampleProperties(@DefaultValue("support") String prompt, @DefaultValue("4000") int maxMessageLength) {
}
