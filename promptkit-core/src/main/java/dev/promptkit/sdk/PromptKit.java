package dev.promptkit.sdk;

import dev.promptkit.pack.Pack;
import dev.promptkit.pack.PackLoader;
import java.nio.file.Path;

/**
 * Entry points of the SDK without Spring: open a conversation on a prompt of a pack file, or resume a
 * stored one.
 *
 * <pre>{@code
 * try (Conversation chat = PromptKit.open("assistant.pack.json", "chat")) {
 *     chat.setVar("user_name", "Alice");
 *     System.out.println(chat.send("Hello!").text());
 * }
 * }</pre>
 */
public final class PromptKit {

    private PromptKit() {
    }

    /** Opens a conversation on prompt {@code promptName} of the pack at {@code packPath}, with default options. */
    public static Conversation open(String packPath, String promptName) {
        return open(packPath, promptName, ConversationOptions.defaults());
    }

    public static Conversation open(String packPath, String promptName, ConversationOptions options) {
        return open(load(packPath, options), promptName, options);
    }

    /** Opens a conversation on a prompt of an already loaded pack. */
    public static Conversation open(Pack pack, String promptName, ConversationOptions options) {
        return ConversationFactory.open(pack, promptName, options);
    }

    /**
     * Reopens stored conversation {@code conversationId} from the options' state store.
     *
     * @throws NoStateStoreException when the options name no state store
     * @throws ConversationNotFoundException when the store does not hold that conversation
     */
    public static Conversation resume(String conversationId, String packPath, String promptName,
            ConversationOptions options) {
        return resume(conversationId, load(packPath, options), promptName, options);
    }

    public static Conversation resume(String conversationId, Pack pack, String promptName,
            ConversationOptions options) {
        return ConversationFactory.resume(conversationId, pack, promptName, options).block();
    }

    private static Pack load(String packPath, ConversationOptions options) {
        return PackLoader.load(Path.of(packPath),
                options.skipSchemaValidation() ? PackLoader.Options.SKIP_SCHEMA_VALIDATION : PackLoader.Options.DEFAULTS);
    }
}
