/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.promptkit.tool.ToolContext;
import dev.promptkit.tool.ToolException;
import dev.promptkit.types.ToolCall;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class HttpToolHooksTests {

    private static final String TOOL = "get_orders";
    private static final String TOKEN = "tok-0123456789abcdef";
    private static final Map<String, String> ENVIRONMENT = Map.of("SHOP_TOKEN", TOKEN);

    private final MockWebServer server = new MockWebServer();

    @BeforeEach
    void startServer() throws IOException {
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void theTransformRewritesTheArgumentsBeforeTheyFillThePathAndTheQuery() throws InterruptedException {
        server.enqueue(json("{\"orders\":[]}"));
        HttpToolConfig config = config("/users/{user_id}/orders").method("GET").transform(arguments -> {
            String[] name = ((String) arguments.remove("name")).split(" ", 2);
            arguments.put("user_id", name[0].toLowerCase() + "." + name[1].toLowerCase());
            arguments.put("limit", 5);
            return arguments;
        }).build();

        run(config, "{\"name\":\"John Smith\",\"status\":\"open\"}");

        assertThat(take().getTarget()).isEqualTo("/users/john.smith/orders?status=open&limit=5");
    }

    @Test
    void thePreRequestHookSignsTheBodyWithoutSeeingTheConfiguredCredential() throws Exception {
        server.enqueue(json("{\"id\":7}"));
        List<Map<String, String>> seenHeaders = new CopyOnWriteArrayList<>();
        HttpToolConfig config = config("/orders").headerFromEnv("Authorization", "SHOP_TOKEN", "Bearer ")
                .header("X-Client", "promptkit")
                .preRequest(request -> {
                    seenHeaders.add(request.headers());
                    request.header("X-Signature", hmac(request.method() + " " + request.uri().getRawPath() + "\n"
                            + request.body()));
                }).build();

        run(config, "{\"item\":\"book\"}");

        RecordedRequest request = take();
        assertThat(request.getHeaders().get("X-Signature"))
                .isEqualTo(hmac("POST /orders\n" + request.getBody().utf8()));
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(seenHeaders).singleElement().isEqualTo(Map.of("Authorization", "Bearer [redacted]",
                "X-Client", "promptkit"));
    }

    @Test
    void aHeaderTheHookSetsReplacesTheConfiguredOneAndIsMaskedWhenTheServiceEchoesIt() throws InterruptedException {
        String fresh = "fresh-token-9876543210";
        server.enqueue(json("{\"echo\":\"Bearer-less " + fresh + "\"}"));
        HttpToolConfig config = config("/orders").header("authorization", "Bearer stale-token-0123456789")
                .preRequest(request -> request.header("Authorization", "Bearer " + fresh)).build();

        String result = run(config, "{}");

        assertThat(take().getHeaders().values("Authorization")).containsExactly("Bearer " + fresh);
        assertThat(result).isEqualTo("{\"echo\":\"Bearer-less [redacted]\"}");
    }

    @Test
    void thePostProcessHookGetsTheRedactedSelectedResultAndWhatItAnswersIsWhatTheModelSees() {
        server.enqueue(json("{\"customer\":{\"first_name\":\"Ada\",\"last_name\":\"Lovelace\",\"email\":\"ada@x.io\","
                + "\"note\":\"token " + TOKEN + "\"}}"));
        List<String> seen = new CopyOnWriteArrayList<>();
        HttpToolConfig config = config("/customers").headerFromEnv("X-Api-Key", "SHOP_TOKEN")
                .redact("/customer/email").select("/customer")
                .postProcess(result -> {
                    seen.add(result);
                    Map<String, Object> customer = new LinkedHashMap<>(JsonMapper.shared().readValue(result, Map.class));
                    customer.put("display_name", customer.get("first_name") + " " + customer.get("last_name"));
                    return JsonMapper.shared().writeValueAsString(customer);
                }).build();

        String result = run(config, "{}");

        assertThat(seen).containsExactly("{\"first_name\":\"Ada\",\"last_name\":\"Lovelace\",\"email\":\"[redacted]\","
                + "\"note\":\"token [redacted]\"}");
        assertThat(result).isEqualTo("{\"first_name\":\"Ada\",\"last_name\":\"Lovelace\",\"email\":\"[redacted]\","
                + "\"note\":\"token [redacted]\",\"display_name\":\"Ada Lovelace\"}");
    }

    @Test
    void aFailingHookFailsTheCallNamingTheToolAndTheHookWithCredentialsMasked() {
        HttpToolConfig config = config("/orders").headerFromEnv("Authorization", "SHOP_TOKEN", "Bearer ")
                .preRequest(request -> {
                    throw new IllegalStateException("signing key for " + TOKEN + " expired");
                }).build();

        assertThatThrownBy(() -> run(config, "{}")).isInstanceOf(ToolException.class)
                .hasMessage("Tool 'get_orders': the pre-request hook failed: signing key for [redacted] expired")
                .satisfies(failure -> assertThat(stackText(failure)).doesNotContain(TOKEN));
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aTransformAnsweringNullOrAnInvalidHeaderIsAFailureOfThatHook() {
        assertThatThrownBy(() -> run(config("/orders").transform(arguments -> null).build(), "{}"))
                .hasMessage("Tool 'get_orders': the argument transform answered null");
        assertThatThrownBy(() -> run(config("/orders").preRequest(request -> request.header("Host", "evil.example"))
                .build(), "{}"))
                .hasMessage("Tool 'get_orders': the pre-request hook failed: "
                        + "header 'Host' is set by the HTTP client, not configured");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aFailingPostProcessHookIsNamedAsSuch() {
        server.enqueue(json("{}"));
        HttpToolConfig config = config("/orders").postProcess(result -> {
            throw new IllegalArgumentException("unexpected shape");
        }).build();

        assertThatThrownBy(() -> run(config, "{}"))
                .hasMessage("Tool 'get_orders': the post-process hook failed: unexpected shape");
    }

    @Test
    void theConfigurationNamesItsHooksButNeverTheirInsides() {
        HttpToolConfig config = config("/orders").preRequest(request -> { }).postProcess(result -> result).build();

        assertThat(config.toString()).endsWith(", hooks=[preRequest, postProcess]]");
        assertThat(config.hooks().transform()).isNull();
    }

    private HttpToolConfig.Builder config(String path) {
        return HttpToolConfig.builder("http://" + server.getHostName() + ":" + server.getPort() + path);
    }

    private static String run(HttpToolConfig config, String rawArguments) {
        return new HttpToolExecutor(config, ENVIRONMENT)
                .execute(ToolCall.fromRawArguments("call-1", TOOL, rawArguments), new ToolContext("conv-1", "call-1",
                        TOOL))
                .block(Duration.ofSeconds(10));
    }

    private RecordedRequest take() throws InterruptedException {
        return server.takeRequest(1, TimeUnit.SECONDS);
    }

    private static MockResponse json(String body) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
    }

    private static String hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec("signing-key".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (Exception failure) {
            throw new IllegalStateException(failure);
        }
    }

    private static String stackText(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
