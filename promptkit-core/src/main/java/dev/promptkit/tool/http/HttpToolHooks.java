/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool.http;

/**
 * The hooks of one HTTP tool, each optional ({@code null} for none): an {@link ArgumentTransform} run on the model's
 * arguments, a {@link PreRequestHook} run on the request just before it is sent, and a {@link PostProcessHook} run on
 * what the model is shown of the response. Set on {@link HttpToolConfig.Builder}; in Spring, a bean of this type
 * named after the tool ({@code @Bean("get_orders")}) is picked up for the HTTP tool of that name.
 *
 * <pre>{@code
 * HttpToolHooks.NONE.withPreRequest(request -> request.header("X-Correlation-Id", UUID.randomUUID().toString()))
 *         .withPostProcess(result -> result.replace("\"cents\"", "\"amount_in_cents\""));
 * }</pre>
 *
 * @param transform rewrites the arguments before the request is built
 * @param preRequest sees the request and may set headers
 * @param postProcess rewrites the result the model sees
 *
 * @since 0.1.0
 */
public record HttpToolHooks(ArgumentTransform transform, PreRequestHook preRequest, PostProcessHook postProcess) {

    /** No hooks. */
    public static final HttpToolHooks NONE = new HttpToolHooks(null, null, null);

    public HttpToolHooks withTransform(ArgumentTransform hook) {
        return new HttpToolHooks(hook, preRequest, postProcess);
    }

    public HttpToolHooks withPreRequest(PreRequestHook hook) {
        return new HttpToolHooks(transform, hook, postProcess);
    }

    public HttpToolHooks withPostProcess(PostProcessHook hook) {
        return new HttpToolHooks(transform, preRequest, hook);
    }

    /** Whether no hook is set. */
    public boolean isEmpty() {
        return transform == null && preRequest == null && postProcess == null;
    }
}
