package dev.promptkit.state;

/**
 * A store of conversations or of held tool calls could not be reached, or did not answer within its time-out.
 * The operation may succeed when tried again later. A write that timed out may still have been applied by the
 * store: a turn sent again then fails with a {@link ConversationConflictException} rather than being stored twice.
 */
public class StoreUnavailableException extends StateStoreException {

    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
