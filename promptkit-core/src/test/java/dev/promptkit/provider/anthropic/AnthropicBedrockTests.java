/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.anthropic;

import static dev.promptkit.provider.http.FakeUpstream.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.provider.AnswerLimits;
import dev.promptkit.provider.ProviderChunk;
import dev.promptkit.provider.ProviderException;
import dev.promptkit.provider.ProviderException.Kind;
import dev.promptkit.provider.ProviderRequest;
import dev.promptkit.provider.http.FakeUpstream;
import dev.promptkit.provider.http.HttpProviderContract;
import dev.promptkit.provider.http.HttpProviderSettings;
import dev.promptkit.provider.http.RecordingListener;
import dev.promptkit.provider.platform.BedrockPlatform;
import dev.promptkit.provider.platform.aws.AwsSigV4Authenticator;
import dev.promptkit.provider.platform.aws.BedrockStreamDecoder;
import dev.promptkit.provider.platform.aws.EventStreamFrames;
import dev.promptkit.provider.platform.aws.EventStreamReader;
import dev.promptkit.provider.platform.aws.SigV4Signer;
import dev.promptkit.types.Message;
import dev.promptkit.types.TokenUsage;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Claude on AWS Bedrock against a fake {@code InvokeModelWithResponseStream}: the documented path, body and SigV4
 * headers, the answer as an {@code application/vnd.amazon.eventstream} body whose chunks carry the Messages events
 * of the Anthropic fixtures, and the exceptions Bedrock reports inside the stream.
 */
class AnthropicBedrockTests {

    private static final String MODEL = "anthropic.claude-sonnet-4-5-20250929-v1:0";
    private static final String ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE";
    private static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final String SESSION_TOKEN = "IQoJb3JpZ2luX2VjEXAMPLEsessionTOKEN0123456789abcdef";
    private static final AwsSessionCredentials CREDENTIALS = AwsSessionCredentials.create(ACCESS_KEY, SECRET_KEY,
            SESSION_TOKEN);
    private static final ProviderRequest HELLO = ProviderRequest.of(null, "Be brief.", List.of(Message.user("Hi")));
    private static final List<ProviderChunk> HELLO_ANSWER = List.of(ProviderChunk.text("Hello"),
            ProviderChunk.text("! Crème brûlée 🍮"), ProviderChunk.text(" or 寿司?"),
            ProviderChunk.finish("stop", TokenUsage.of(19, 10)));
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    @RegisterExtension
    final FakeUpstream upstream = new FakeUpstream(AnthropicProviderTests.class, FakeUpstream.Framing.SSE);
    private final RecordingListener listener = new RecordingListener();
    private final List<AnthropicProvider> providers = new ArrayList<>();

    @AfterEach
    void closeProviders() {
        providers.forEach(AnthropicProvider::close);
    }

    @Test
    void streamsTheAnswerAndSendsTheDocumentedSignedRequest() throws InterruptedException {
        upstream.enqueue(eventStream(text()));

        assertThat(provider().stream(HELLO).collectList().block(Duration.ofSeconds(10))).isEqualTo(HELLO_ANSWER);

        RecordedRequest request = upstream.takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getTarget())
                .isEqualTo("/model/anthropic.claude-sonnet-4-5-20250929-v1%3A0/invoke-with-response-stream");
        assertThat(request.getHeaders().get("Accept")).isEqualTo("application/vnd.amazon.eventstream");
        assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json");
        assertThat(json(request.getBody().utf8())).isEqualTo(json("""
                {"anthropic_version": "bedrock-2023-05-31", "max_tokens": 4096, "system": "Be brief.",
                 "messages": [{"role": "user", "content": "Hi"}]}"""));
        assertThat(request.getHeaders().get("x-api-key")).isNull();
        assertThat(request.getHeaders().get("X-Amz-Security-Token")).isEqualTo(SESSION_TOKEN);
        String authorization = request.getHeaders().get("Authorization");
        assertThat(authorization).matches("AWS4-HMAC-SHA256 Credential=" + ACCESS_KEY + "/\\d{8}/us-east-1/bedrock/"
                + "aws4_request, SignedHeaders=host;x-amz-date;x-amz-security-token, Signature=[0-9a-f]{64}");
        assertThat(authorization).isEqualTo(resigned(request));
    }

    @Test
    void decodesTheSameAnswerWhereverTheBytesAreSplit() {
        byte[] body = EventStreamFrames.chunksOfSse(text());
        assertThat(decode(body)).isEqualTo(HELLO_ANSWER);

        for (int split = 1; split < body.length; split++) {
            assertThat(decode(Arrays.copyOfRange(body, 0, split), Arrays.copyOfRange(body, split, body.length)))
                    .as("split at byte %d", split).isEqualTo(HELLO_ANSWER);
        }
    }

    @Test
    void decodesAnAnswerWhoseBytesArriveInOddChunks() {
        upstream.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/vnd.amazon.eventstream")
                .chunkedBody(new Buffer().write(EventStreamFrames.chunksOfSse(text())), 7)
                .throttleBody(3, 1, TimeUnit.MILLISECONDS).build());

        assertThat(provider().stream(HELLO).collectList().block(Duration.ofSeconds(20))).isEqualTo(HELLO_ANSWER);
    }

    @Test
    void retriesAThrottlingExceptionReportedBeforeTheAnswer() {
        upstream.enqueue(eventStream(EventStreamFrames.exception("throttlingException", "Too many requests, please "
                + "wait before trying again.")), eventStream(text()));

        assertThat(provider().stream(HELLO).collectList().block(Duration.ofSeconds(10))).isEqualTo(HELLO_ANSWER);
        assertThat(upstream.requestCount()).isEqualTo(2);
        assertThat(listener.heard()).containsExactly("retry 1 after HTTP 0");
    }

    @Test
    void aModelStreamErrorAfterTheFirstWordsInterruptsTheAnswer() {
        byte[] firstWords = EventStreamFrames.chunksOfSse(upstream.firstEvents("text.sse", 4));
        upstream.enqueue(eventStream(EventStreamFrames.concat(firstWords, EventStreamFrames.exception(
                "modelStreamErrorException", "The model failed to respond."))));

        ProviderException failure = failure(HELLO_ANSWER.get(0));

        assertThat(failure.kind()).isEqualTo(Kind.INTERRUPTED);
        assertThat(failure).hasMessageContaining("the stream reported an error (modelStreamErrorException): The "
                + "model failed to respond.");
    }

    @Test
    void aValidationExceptionIsABadRequestAndNotRetried() {
        upstream.enqueue(eventStream(EventStreamFrames.exception("validationException", "max_tokens: Field required")),
                eventStream(text()));

        ProviderException failure = failure();

        assertThat(failure.kind()).isEqualTo(Kind.BAD_REQUEST);
        assertThat(failure).hasMessage("Provider 'anthropic' failed: the stream reported an error "
                + "(validationException): max_tokens: Field required");
        assertThat(upstream.requestCount()).isOne();
    }

    @Test
    void reportsBedrocksHttpErrorWithItsMessage() {
        upstream.enqueue(new MockResponse.Builder().code(403).addHeader("Content-Type", "application/json")
                .addHeader("x-amzn-ErrorType", "UnrecognizedClientException:http://internal.amazon.com/coral/")
                .body("{\"message\":\"The security token included in the request is invalid.\"}").build());

        ProviderException failure = failure();

        assertThat(failure.kind()).isEqualTo(Kind.AUTHENTICATION);
        assertThat(failure).hasMessage("Provider 'anthropic' failed (HTTP 403): the credentials are not permitted to "
                + "make this request: The security token included in the request is invalid.");
    }

    @Test
    void aCorruptedMessageFailsAsAnInvalidResponse() {
        byte[] body = EventStreamFrames.chunksOfSse(text());
        body[body.length - 2] ^= 0x40;
        upstream.enqueue(eventStream(body));

        AtomicReference<Throwable> failure = new AtomicReference<>();
        StepVerifier.create(provider().stream(HELLO)).thenConsumeWhile(chunk -> true)
                .verifyErrorSatisfies(failure::set);

        assertThat(failure.get()).isInstanceOf(ProviderException.class)
                .hasMessageContaining("received a malformed event stream: the message checksum does not match");
    }

    @Test
    void failsWithoutARequestWhenNoCredentialsAreFound() {
        AwsCredentialsProvider none = () -> {
            throw SdkClientException.create("Unable to load credentials from any of the providers in the chain");
        };

        StepVerifier.create(provider(none).stream(HELLO)).verifyErrorSatisfies(error -> {
            assertThat(error).isInstanceOf(ProviderException.class).hasMessage("Provider 'anthropic' failed: could "
                    + "not obtain credentials: Unable to load credentials from any of the providers in the chain");
            assertThat(((ProviderException) error).kind()).isEqualTo(Kind.AUTHENTICATION);
        });
        assertThat(upstream.requestCount()).isZero();
    }

    @Test
    void credentialsQuotedInAnExceptionAreMasked() {
        upstream.enqueue(eventStream(EventStreamFrames.exception("accessDeniedException", "User with key "
                + ACCESS_KEY + " and token " + SESSION_TOKEN + " is not authorized")));

        ProviderException failure = failure();

        assertThat(failure).hasMessageContaining("is not authorized").hasMessageNotContaining(ACCESS_KEY)
                .hasMessageNotContaining(SESSION_TOKEN.substring(10, 30));
        assertThat(failure.kind()).isEqualTo(Kind.AUTHENTICATION);
    }

    @Test
    void platformsThatDoNotServeClaudeAreRefused() {
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> AnthropicProvider.builder()
                .platform(dev.promptkit.provider.platform.Platform.azure("https://r.openai.azure.com", "d", "v"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Claude is served on the platforms bedrock and vertex, not azure");
    }

    private ProviderException failure(ProviderChunk... before) {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        StepVerifier.create(provider().stream(HELLO)).expectNext(before).verifyErrorSatisfies(failure::set);
        assertThat(failure.get()).isInstanceOf(ProviderException.class);
        return (ProviderException) failure.get();
    }

    /** The Authorization header of {@code request} computed afresh from what arrived, at its X-Amz-Date. */
    private static String resigned(RecordedRequest request) {
        Instant signedAt = AMZ_DATE.parse(request.getHeaders().get("X-Amz-Date"), Instant::from);
        URI uri = URI.create("http://" + request.getHeaders().get("Host") + request.getTarget());
        return new SigV4Signer("us-east-1", "bedrock").sign("POST", uri, Map.of(), request.getBody().toByteArray(),
                new SigV4Signer.Credentials(ACCESS_KEY, SECRET_KEY, SESSION_TOKEN), signedAt).get("Authorization");
    }

    private AnthropicProvider provider() {
        return provider(StaticCredentialsProvider.create(CREDENTIALS));
    }

    private AnthropicProvider provider(AwsCredentialsProvider credentials) {
        AnthropicProvider provider = AnthropicProvider.builder()
                .platform(new BedrockPlatform("us-east-1", AwsSigV4Authenticator.of("us-east-1", "bedrock",
                        credentials)))
                .settings(HttpProviderSettings.builder().baseUrl(upstream.url("/"))
                        .retry(HttpProviderContract.QUICK_RETRIES).build())
                .listener(listener).model(MODEL).build();
        providers.add(provider);
        return provider;
    }

    private String text() {
        return upstream.fixture("text.sse");
    }

    private static MockResponse eventStream(String sse) {
        return eventStream(EventStreamFrames.chunksOfSse(sse));
    }

    private static MockResponse eventStream(byte[] body) {
        return new MockResponse.Builder().addHeader("Content-Type", "application/vnd.amazon.eventstream")
                .body(new Buffer().write(body)).build();
    }

    private static List<ProviderChunk> decode(byte[]... parts) {
        List<DataBuffer> buffers = new ArrayList<>();
        for (byte[] part : parts) {
            buffers.add(DefaultDataBufferFactory.sharedInstance.wrap(part));
        }
        BedrockStreamDecoder decoder = new BedrockStreamDecoder("bedrock",
                new MessagesStreamDecoder("bedrock", AnswerLimits.DEFAULT));
        return new EventStreamReader("bedrock").read(Flux.fromIterable(buffers))
                .concatMapIterable(decoder::decode)
                .concatWith(Flux.defer(() -> Flux.fromIterable(decoder.finish())))
                .collectList().block();
    }
}
