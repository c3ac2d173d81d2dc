/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.azure.core.credential.AccessToken;
import dev.promptkit.event.Event;
import dev.promptkit.event.EventBus;
import dev.promptkit.pack.Pack;
import dev.promptkit.pack.PackLoader;
import dev.promptkit.provider.Provider;
import dev.promptkit.provider.anthropic.AnthropicProvider;
import dev.promptkit.provider.gemini.GeminiProvider;
import dev.promptkit.provider.http.HttpProviderSettings;
import dev.promptkit.provider.http.RequestAuthenticator;
import dev.promptkit.provider.http.RetryPolicy;
import dev.promptkit.provider.openai.OpenAiProvider;
import dev.promptkit.provider.platform.aws.AwsSigV4Authenticator;
import dev.promptkit.provider.platform.aws.EventStreamFrames;
import dev.promptkit.provider.platform.azure.AzureTokenAuthenticator;
import dev.promptkit.provider.platform.google.FakeGoogleTokenServer;
import dev.promptkit.sdk.Conversation;
import dev.promptkit.sdk.ConversationOptions;
import dev.promptkit.sdk.PromptKit;
import dev.promptkit.test.ExceptionChain;
import dev.promptkit.test.TraceLogCapture;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The credentials of each platform (AWS keys and session token, a Google access token, an Entra ID token) quoted
 * back by the upstream, in an error body and inside the stream: with every logger at TRACE, none of them may appear
 * in a log line, the failure or an event, and neither may the request's signature.
 */
class PlatformCredentialLeakTests {

    private static final Pack PACK = PackLoader.load(Path.of("src/test/resources/providers/tools.pack.json"));
    private static final String ACCESS_KEY = "AKIAZQ7LEAKEXAMPLE42";
    private static final String SECRET_KEY = "Zq7LeakSecret/K7MDENG/bPxRfiCYEXAMPLE";
    private static final String SESSION_TOKEN = "IQoJb3JpZ2luLeakSessionTokenZq7a9b1c2d4e5f60718";
    private static final String ENTRA_TOKEN = "eyJ0eXAiLeakEntraTokenZq7c0ffee1234567890";

    @RegisterExtension
    final TraceLogCapture logs = new TraceLogCapture();

    @RegisterExtension
    final FakeGoogleTokenServer tokens = new FakeGoogleTokenServer();

    private final MockWebServer upstream = new MockWebServer();

    @BeforeEach
    void start() throws Exception {
        upstream.start();
    }

    @AfterEach
    void stop() {
        upstream.close();
    }

    @Test
    void awsCredentialsAndTheSignatureLeakNowhere() {
        String quoted = "The request signature we calculated does not match. Credential=" + ACCESS_KEY
                + " token " + SESSION_TOKEN;
        upstream.enqueue(new MockResponse.Builder().code(403).addHeader("Content-Type", "application/json")
                .body("{\"message\":\"" + quoted + "\"}").build());
        Provider bedrock = AnthropicProvider.builder().platform(new BedrockPlatform("us-east-1",
                AwsSigV4Authenticator.of("us-east-1", "bedrock", StaticCredentialsProvider.create(
                        AwsSessionCredentials.create(ACCESS_KEY, SECRET_KEY, SESSION_TOKEN)))))
                .settings(settings()).build();

        String signature = assertNothingLeaks(bedrock, ACCESS_KEY, SECRET_KEY, SESSION_TOKEN);

        upstream.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/vnd.amazon.eventstream")
                .body(new Buffer().write(EventStreamFrames.exception("accessDeniedException", quoted))).build());
        assertNothingLeaks(bedrock, ACCESS_KEY, SECRET_KEY, SESSION_TOKEN, signature);
    }

    @Test
    void aGoogleAccessTokenLeaksNowhere() {
        String token = "ya29.fake-1";
        upstream.enqueue(new MockResponse.Builder().code(401).addHeader("Content-Type", "application/json")
                .body("{\"error\":{\"code\":401,\"message\":\"Request had invalid authentication credentials: "
                        + token + "\",\"status\":\"UNAUTHENTICATED\"}}").build());
        Provider vertex = GeminiProvider.builder().platform(tokens.vertex("p", "us-central1")).settings(settings())
                .build();

        assertNothingLeaks(vertex, token);
    }

    @Test
    void anEntraIdTokenLeaksNowhere() {
        upstream.enqueue(new MockResponse.Builder().code(401).addHeader("Content-Type", "application/json")
                .body("{\"error\":{\"code\":\"401\",\"message\":\"Access token " + ENTRA_TOKEN + " has expired\"}}")
                .build());
        RequestAuthenticator entra = AzureTokenAuthenticator.of(request -> Mono.just(new AccessToken(ENTRA_TOKEN,
                OffsetDateTime.now().plusHours(1))));
        Provider azure = OpenAiProvider.builder().platform(new AzurePlatform(upstream.url("/").toString(), "gpt",
                "2024-10-21", entra)).settings(HttpProviderSettings.builder().retry(RetryPolicy.DISABLED).build())
                .build();

        assertNothingLeaks(azure, ENTRA_TOKEN);
    }

    private HttpProviderSettings settings() {
        return HttpProviderSettings.builder().baseUrl(upstream.url("/").toString()).retry(RetryPolicy.DISABLED)
                .build();
    }

    /** Sends one turn, checks that no secret is anywhere, and gives the request's signature (if signed). */
    private String assertNothingLeaks(Provider provider, String... secrets) {
        EventBus events = EventBus.create();
        List<Event> heard = new CopyOnWriteArrayList<>();
        events.subscribeSynchronous(heard::add);
        Throwable failure;
        try (Conversation chat = PromptKit.open(PACK, "assistant",
                ConversationOptions.builder().provider(provider).eventBus(events).build())) {
            failure = catchThrowable(() -> chat.send("Hello there"));
        }
        assertThat(failure).as("the call failed").isNotNull();
        String authorization;
        try {
            authorization = upstream.takeRequest().getHeaders().get("Authorization");
        }
        catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        assertThat(logs.lines()).anyMatch(line -> line.startsWith("DEBUG reactor.netty"));
        List<String> seen = new ArrayList<>(logs.lines());
        seen.add(ExceptionChain.text(failure));
        heard.forEach(event -> seen.add(event.toString()));
        List<String> all = new ArrayList<>(List.of(secrets));
        String signature = authorization != null && authorization.contains("Signature=")
                ? authorization.substring(authorization.indexOf("Signature=") + 10) : null;
        if (signature != null) {
            all.add(signature);
        }
        for (String text : seen) {
            for (String secret : all) {
                assertThat(text.toLowerCase(Locale.ROOT)).as("%s", text)
                        .doesNotContain(secret.length() > 12 ? secret.toLowerCase(Locale.ROOT).substring(2, 12)
                                : secret.toLowerCase(Locale.ROOT));
            }
        }
        return signature;
    }
}
