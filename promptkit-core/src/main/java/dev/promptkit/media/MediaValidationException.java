/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.media;

import dev.promptkit.validation.ValidationException;
import java.util.Map;

/**
 * A part of the user's message breaks a limit of the prompt's {@code media} section; the message names the part,
 * the limit and the value, as in {@code image 2 of the message is 7.3 MB (7,654,321 bytes); the pack's
 * media.image.max_size_mb is 5}. Thrown before the provider is called; the turn stores nothing. A
 * {@link ValidationException} of type {@value #VALIDATOR_TYPE}, so a handler of failed input validation catches it
 * too.
 *
 * @since 0.1.0
 */
public final class MediaValidationException extends ValidationException {

    private static final long serialVersionUID = 1L;

    /** The {@link #validatorType()} of media failures, also in their validation events. */
    public static final String VALIDATOR_TYPE = "media";

    private final String limit;
    private final int partIndex;

    /**
     * @param limit the broken limit as the pack spells it, such as {@code media.image.max_size_mb}
     * @param partIndex the index of the offending part in the message's parts
     * @param reason what is wrong, naming the part, the limit and the value
     */
    MediaValidationException(String limit, int partIndex, String reason, Map<String, Object> details) {
        super(VALIDATOR_TYPE, reason, details, reason);
        this.limit = limit;
        this.partIndex = partIndex;
    }

    /** The broken limit as the pack spells it, such as {@code media.image.max_size_mb}. */
    public String limit() {
        return limit;
    }

    /** The index (from 0) of the offending part in the message's parts; the message counts from 1. */
    public int partIndex() {
        return partIndex;
    }
}
