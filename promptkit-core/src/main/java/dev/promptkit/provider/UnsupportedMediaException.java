/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider;

/**
 * A media part of the request is of a kind, a MIME type or a source (URL, inline bytes, uploaded file) that the
 * provider's API does not take, as in {@code Provider 'openai' failed: model gpt-4o cannot take
 * messages[0].parts[1] (audio, audio/ogg): Chat Completions takes input audio as wav or mp3 only}. Raised before
 * any network call and never retried; the turn that sent it stores nothing.
 *
 * @since 0.1.0
 */
public final class UnsupportedMediaException extends ProviderException {

    private static final long serialVersionUID = 1L;

    private final String model;
    private final int messageIndex;
    private final int partIndex;
    private final String mimeType;

    /**
     * @param provider the provider's name
     * @param model the model the request was for
     * @param messageIndex the index (from 0) of the message among the request's messages
     * @param partIndex the index (from 0) of the part among the message's parts
     * @param partType the part's kind ({@code audio}, {@code video}, ...)
     * @param mimeType the part's MIME type, or {@code null} when it has none
     * @param reason what the provider takes instead
     */
    public UnsupportedMediaException(String provider, String model, int messageIndex, int partIndex, String partType,
            String mimeType, String reason) {
        super(provider, Kind.BAD_REQUEST, 0, "model " + model + " cannot take messages[" + messageIndex + "].parts["
                + partIndex + "] (" + partType + ", " + (mimeType != null ? mimeType : "no MIME type") + "): "
                + reason, false, null, null);
        this.model = model;
        this.messageIndex = messageIndex;
        this.partIndex = partIndex;
        this.mimeType = mimeType;
    }

    /** The model the request was for. */
    public String model() {
        return model;
    }

    /** The index (from 0) of the offending message among the request's messages. */
    public int messageIndex() {
        return messageIndex;
    }

    /** The index (from 0) of the offending part among its message's parts. */
    public int partIndex() {
        return partIndex;
    }

    /** The offending part's MIME type, or {@code null} when it has none. */
    public String mimeType() {
        return mimeType;
    }
}
