package dev.promptkit.tool.redis;

import dev.promptkit.state.StateStoreException;

/**
 * A {@link RedisPendingStore} could not read or write Redis; the held calls are unchanged. An unreachable or
 * silent Redis is reported as a {@link dev.promptkit.state.StoreUnavailableException} instead.
 */
public class RedisPendingStoreException extends StateStoreException {

    private static final long serialVersionUID = 1L;

    public RedisPendingStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
