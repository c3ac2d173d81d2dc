/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.types;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Who a {@link Message} comes from. Serialised in lower case, as the Go original and the providers spell it.
 *
 * @since 0.1.0
 */
public enum Role {
    SYSTEM, USER, ASSISTANT, TOOL;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    @JsonCreator
    public static Role fromWireName(String name) {
        return Role.valueOf(name.toUpperCase(java.util.Locale.ROOT));
    }
}
