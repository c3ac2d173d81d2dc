/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sample;

import dev.promptkit.pipeline.TimeVariables;
import dev.promptkit.pipeline.VariableProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Extension points the assistant uses besides its stage: a variable provider with today's date. */
@Configuration(proxyBeanMethods = false)
class AssistantExtensions {

    /** Gives the support prompt {@code {{current_date}}} and {@code {{current_weekday}}} every turn. */
    @Bean
    VariableProvider today() {
        return new TimeVariables();
    }
}
