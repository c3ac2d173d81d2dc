package dev.promptkit.pack;

import dev.promptkit.PromptKitException;
import java.util.List;

/**
 * A pack could not be loaded or is not valid. The message names the pack's source (a file path or
 * resource name) and, for schema violations, lists every violation with its JSON pointer.
 */
public class PackException extends PromptKitException {

    private static final long serialVersionUID = 1L;

    private final String path;
    private final List<String> violations;

    public PackException(String path, String message) {
        this(path, message, List.of(), null);
    }

    public PackException(String path, String message, Throwable cause) {
        this(path, message, List.of(), cause);
    }

    public PackException(String path, String message, List<String> violations, Throwable cause) {
        super(compose(path, message, violations), cause);
        this.path = path;
        this.violations = List.copyOf(violations);
    }

    private static String compose(String path, String message, List<String> violations) {
        StringBuilder text = new StringBuilder("Invalid pack ").append(path).append(": ").append(message);
        for (String violation : violations) {
            text.append(System.lineSeparator()).append("  ").append(violation);
        }
        return text.toString();
    }

    /** The file path or resource name of the pack. */
    public String path() {
        return path;
    }

    /** Each schema violation as {@code /json/pointer: message}; empty for other failures. */
    public List<String> violations() {
        return violations;
    }
}
