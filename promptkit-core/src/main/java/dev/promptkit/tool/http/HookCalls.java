/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool.http;

import dev.promptkit.secret.SecretRedactor;
import dev.promptkit.tool.ToolException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the {@link HttpToolHooks} of one tool. A hook that throws, or answers {@code null}, fails the call with a
 * {@link ToolException} naming the tool and the hook, its message and cause masked by the tool's
 * {@link SecretRedactor}.
 */
final class HookCalls {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final HttpToolHooks hooks;
    private final SecretRedactor secrets;

    HookCalls(HttpToolHooks hooks, SecretRedactor secrets) {
        this.hooks = hooks;
        this.secrets = secrets;
    }

    /** The arguments to send: the model's, through the transform if there is one. */
    JsonNode arguments(String tool, JsonNode arguments) {
        ArgumentTransform transform = hooks.transform();
        if (transform == null || arguments == null || !arguments.isObject()) {
            return arguments;
        }
        Map<String, Object> copy = new LinkedHashMap<>(JSON.convertValue(arguments, MAP));
        return JSON.valueToTree(call(tool, "argument transform", () -> transform.transform(copy)));
    }

    /** Lets the pre-request hook, if any, look at the request and set headers. */
    void beforeSend(String tool, OutgoingRequest request) {
        PreRequestHook preRequest = hooks.preRequest();
        if (preRequest != null) {
            call(tool, "pre-request hook", () -> {
                preRequest.beforeSend(request);
                return request;
            });
        }
    }

    /** What the model sees: {@code result}, through the post-process hook if there is one. */
    String result(String tool, String result) {
        PostProcessHook postProcess = hooks.postProcess();
        return postProcess == null ? result : call(tool, "post-process hook", () -> postProcess.process(result));
    }

    private <T> T call(String tool, String hook, Supplier<T> action) {
        T answer;
        try {
            answer = action.get();
        }
        catch (RuntimeException failure) {
            String message = failure.getMessage() == null ? failure.getClass().getSimpleName()
                    : secrets.redact(failure.getMessage());
            throw new ToolException(tool, "the " + hook + " failed: " + message, secrets.redact(failure));
        }
        if (answer == null) {
            throw new ToolException(tool, "the " + hook + " answered null");
        }
        return answer;
    }
}
