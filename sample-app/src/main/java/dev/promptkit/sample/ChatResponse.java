package dev.promptkit.sample;

import dev.promptkit.sdk.Response;
import dev.promptkit.types.ToolCall;
import dev.promptkit.types.ValidationResult;
import java.util.List;

/** The JSON answer to one chat message. */
record ChatResponse(String text, List<ToolCall> toolCalls, long inputTokens, long outputTokens, double cost,
        long durationMs, List<ValidationResult> validations) {

    static ChatResponse of(Response response) {
        return new ChatResponse(response.text(), response.toolCalls(), response.inputTokens(),
                response.outputTokens(), response.cost(), response.duration().toMillis(), response.validations());
    }
}
