package dev.promptkit.provider.mock;

import java.util.regex.Pattern;

/** A script rule: answer {@code response} when {@code pattern} is found in the latest user message. */
record MockRule(Pattern pattern, MockTurn response) {

    boolean matches(String userText) {
        return userText != null && pattern.matcher(userText).find();
    }
}
