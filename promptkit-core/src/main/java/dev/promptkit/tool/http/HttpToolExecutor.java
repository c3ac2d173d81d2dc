/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool.http;

import dev.promptkit.provider.http.UnaryExchange;
import dev.promptkit.secret.SecretRedactor;
import dev.promptkit.tool.ToolContext;
import dev.promptkit.tool.ToolException;
import dev.promptkit.tool.ToolExecutor;
import dev.promptkit.tool.http.RequestEncoder.EncodedRequest;
import dev.promptkit.types.ToolCall;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * Answers tool calls by calling an HTTP endpoint as an {@link HttpToolConfig} describes, PromptKit's
 * {@code http} executor. The result is the response body (JSON redacted, selected and compacted, or
 * the text as it came); a non-2xx status, a timeout, an oversized body or an unreachable service fails
 * the call with a {@link ToolException} naming the tool, which the model is shown.
 *
 * <p>Requests go only to the configured scheme, host and port: argument values are percent-encoded
 * into the path and query, and redirects are not followed. Header values are never logged nor put in
 * a message; those read from the environment, and those of credential headers, are also scrubbed from what the
 * model sees and from every error (a {@link SecretRedactor}).
 *
 * <pre>{@code
 * conversation.onToolExecutor("get_order", new HttpToolExecutor(orders));
 * }</pre>
 *
 * Thread-safe. Requests go through the JDK's {@link HttpClient}, which needs no closing; executors with the
 * same timeout and protocol share one client (its selector thread and connection pool), so building an
 * executor per conversation ({@code Conversation.onToolHttp}) costs no thread or pool of its own.
 *
 * @since 0.1.0
 */
public final class HttpToolExecutor implements ToolExecutor {

    private static final Logger log = LoggerFactory.getLogger(HttpToolExecutor.class);

    private static final Map<ClientKey, WebClient> SHARED_CLIENTS = new ConcurrentHashMap<>();

    private final HttpToolConfig config;
    private final Map<String, String> headers;
    private final RequestEncoder requests;
    private final ResponseFormatter responses;
    private final ToolFailures failures;
    private final HookCalls hooks;
    private final SecretRedactor secrets;
    private final WebClient webClient;

    /**
     * An executor reading header values from the process environment.
     *
     * @throws IllegalStateException naming each environment variable the configuration needs and lacks
     */
    public HttpToolExecutor(HttpToolConfig config) {
        this(config, System.getenv());
    }

    /**
     * An executor reading header values from {@code environment}, read once, here.
     *
     * @throws IllegalStateException naming each environment variable the configuration needs and lacks
     */
    public HttpToolExecutor(HttpToolConfig config, Map<String, String> environment) {
        RequestHeaders resolved = RequestHeaders.resolve(config, environment);
        this.config = config;
        this.headers = resolved.values();
        this.requests = new RequestEncoder(config);
        this.secrets = resolved.redactor();
        this.responses = new ResponseFormatter(config);
        this.failures = new ToolFailures(config, secrets);
        this.hooks = new HookCalls(config.hooks(), secrets);
        this.webClient = SHARED_CLIENTS.computeIfAbsent(new ClientKey(config.timeout(),
                config.urlTemplate().isHttps() ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1),
                HttpToolExecutor::webClient);
    }

    /** What the shared clients differ in: the connect timeout and the HTTP version. */
    private record ClientKey(Duration connectTimeout, HttpClient.Version version) {
    }

    private static WebClient webClient(ClientKey key) {
        HttpClient httpClient = HttpClient.newBuilder()
                .connectTimeout(key.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(key.version())
                .build();
        return WebClient.builder().clientConnector(new JdkClientHttpConnector(httpClient)).build();
    }

    @Override
    public Mono<String> execute(ToolCall call, ToolContext context) {
        String tool = call.name();
        return Mono.defer(() -> exchange(tool, requests.encode(tool, hooks.arguments(tool, call.args()))))
                .timeout(config.timeout())
                .onErrorMap(failure -> failures.translate(tool, failure));
    }

    private Mono<String> exchange(String tool, EncodedRequest request) {
        OutgoingRequest outgoing = new OutgoingRequest(config.method(), request.uri(), request.body(), headers, secrets);
        hooks.beforeSend(tool, outgoing);
        SecretRedactor callSecrets = secrets.with(outgoing.credentialsSet());
        WebClient.RequestBodySpec spec = webClient.method(HttpMethod.valueOf(config.method())).uri(request.uri())
                .headers(all -> {
                    if (request.body() != null) {
                        all.setContentType(MediaType.APPLICATION_JSON);
                    }
                    outgoing.toSend().forEach(all::set);
                });
        WebClient.RequestHeadersSpec<?> ready = request.body() == null ? spec : spec.bodyValue(request.body());
        return UnaryExchange.send(ready, config.maxResponseBytes()).map(answer -> result(tool, answer, callSecrets));
    }

    private String result(String tool, UnaryExchange.Answer answer, SecretRedactor callSecrets) {
        log.debug("HTTP tool '{}': {} {} answered {}", tool, config.method(), config.url(), answer.status());
        if (answer.successful()) {
            return hooks.result(tool, responses.format(tool, answer.body(), callSecrets));
        }
        throw failures.status(tool, answer.status(), responses.excerpt(answer.body(), callSecrets));
    }
}
