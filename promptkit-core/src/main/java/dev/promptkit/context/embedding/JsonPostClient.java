package dev.promptkit.context.embedding;

import dev.promptkit.provider.ProviderException;
import dev.promptkit.provider.http.ErrorMessageExtractor;
import dev.promptkit.provider.http.HttpProviderSettings;
import dev.promptkit.provider.http.RetryPolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One JSON POST and its JSON answer, for the embedding providers, under their {@link HttpProviderSettings}:
 * base URL and extra headers, connect and idle timeouts, and retries of failures a retry may cure (HTTP 429,
 * 5xx, a failed connection) with the policy's backoff. Every failure is a {@link ProviderException} with the
 * status and the vendor's own message; the API key never appears in one.
 */
final class JsonPostClient {

    private static final int MAX_BODY_CHARS = 500;

    private final String provider;
    private final HttpProviderSettings settings;
    private final ErrorMessageExtractor errorMessages;
    private final WebClient webClient;

    JsonPostClient(String provider, HttpProviderSettings settings, ErrorMessageExtractor errorMessages) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.settings = settings;
        this.errorMessages = errorMessages;
        HttpClient httpClient = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build();
        this.webClient = WebClient.builder().clientConnector(new JdkClientHttpConnector(httpClient)).build();
    }

    /** POSTs {@code body} to {@code path} below the base URL with {@code headers} (authentication). */
    Mono<JsonNode> post(String path, Map<String, String> headers, JsonNode body) {
        return Mono.defer(() -> {
            URI uri = UriComponentsBuilder.fromUriString(settings.baseUrl()).path(path).build().encode().toUri();
            byte[] bytes = JsonMapper.shared().writeValueAsBytes(body);
            return Mono.defer(() -> attempt(uri, headers, bytes)).retryWhen(retries(settings.retry()));
        });
    }

    private Mono<JsonNode> attempt(URI uri, Map<String, String> headers, byte[] body) {
        return webClient.post().uri(uri)
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .headers(all -> {
                    settings.headers().forEach(all::set);
                    headers.forEach(all::set);
                })
                .bodyValue(body)
                .exchangeToMono(response -> response.bodyToMono(String.class).defaultIfEmpty("")
                        .map(text -> read(response.statusCode().value(), text)))
                .timeout(settings.idleTimeout())
                .onErrorMap(failure -> !(failure instanceof ProviderException), this::translate);
    }

    private JsonNode read(int status, String body) {
        if (status < 200 || status > 299) {
            throw new ProviderException(provider, status, redact(message(status, body)));
        }
        try {
            return JsonMapper.shared().readTree(body);
        }
        catch (RuntimeException notJson) {
            throw new ProviderException(provider, status, "the response is not JSON: " + abbreviate(body), false,
                    notJson);
        }
    }

    private String message(int status, String body) {
        String extracted = body.isBlank() ? null : errorMessages.extract(body);
        String message = extracted != null && !extracted.isBlank() ? extracted
                : !body.isBlank() ? abbreviate(body)
                : HttpStatus.resolve(status) != null ? HttpStatus.resolve(status).getReasonPhrase() : "no error body";
        if (status == 401 || status == 403) {
            String problem = !settings.hasApiKey() ? "no API key is configured"
                    : status == 401 ? "the API key is invalid or revoked"
                    : "the API key is not permitted to make this request";
            return problem + ": " + message;
        }
        return message;
    }

    private ProviderException translate(Throwable failure) {
        if (failure instanceof TimeoutException) {
            return new ProviderException(provider, 0, "no answer within " + settings.idleTimeout().toMillis()
                    + " ms (idle timeout)", false, failure);
        }
        if (failure instanceof WebClientRequestException) {
            return new ProviderException(provider, 0, "could not send the request: " + redact(rootMessage(failure)),
                    true, failure);
        }
        return new ProviderException(provider, 0, "unexpected failure: " + redact(String.valueOf(failure)), false,
                failure);
    }

    private static Retry retries(RetryPolicy policy) {
        return Retry.from(signals -> signals.concatMap(signal -> {
            Throwable failure = signal.failure();
            boolean retry = signal.totalRetries() < policy.maxRetries()
                    && failure instanceof ProviderException known && known.retryable();
            return retry ? Mono.delay(policy.delay((int) signal.totalRetries(), null,
                    ThreadLocalRandom.current().nextDouble())) : Mono.error(failure);
        }));
    }

    private String redact(String text) {
        return settings.hasApiKey() ? text.replace(settings.apiKey(), "[redacted]") : text;
    }

    private static String abbreviate(String body) {
        String flat = body.strip().replaceAll("\\s+", " ");
        return flat.length() > MAX_BODY_CHARS ? flat.substring(0, MAX_BODY_CHARS) + "..." : flat;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }
}
