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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class HttpToolExecutorTests {

    private static final String TOOL = "lookup_order";
    private static final String TOKEN = "tok-0123456789abcdef";
    private static final Map<String, String> ENVIRONMENT = Map.of("TOOLS_TOKEN", TOKEN);

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
    void postsTheArgumentsAsJsonWithFixedAndEnvironmentHeaders() throws InterruptedException {
        server.enqueue(json(200, "{\n  \"id\": 7,\n  \"total\": 19.90,\n  \"status\": \"created\"\n}"));
        HttpToolExecutor executor = executor(config("/orders").header("X-Client", "promptkit")
                .headerFromEnv("Authorization", "TOOLS_TOKEN", "Bearer "));

        String result = run(executor, "{\"item\":\"book\",\"quantity\":2,\"gift\":{\"wrap\":true}}");

        assertThat(result).isEqualTo("{\"id\":7,\"total\":19.90,\"status\":\"created\"}");
        RecordedRequest request = take();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getTarget()).isEqualTo("/orders");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(request.getHeaders().get("X-Client")).isEqualTo("promptkit");
        assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json");
        assertThat(tree(request.getBody().utf8()))
                .isEqualTo(tree("{\"item\":\"book\",\"quantity\":2,\"gift\":{\"wrap\":true}}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"PUT", "PATCH"})
    void putAndPatchSendTheArgumentsAsJsonToo(String method) throws InterruptedException {
        server.enqueue(json(200, "{}"));

        run(executor(config("/orders").method(method)), "{\"status\":\"paid\"}");

        RecordedRequest request = take();
        assertThat(request.getMethod()).isEqualTo(method);
        assertThat(request.getBody().utf8()).isEqualTo("{\"status\":\"paid\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "DELETE"})
    void getAndDeleteSendTheArgumentsAsQueryParameters(String method) throws InterruptedException {
        server.enqueue(json(200, "{\"ok\":true}"));

        String result = run(executor(config("/weather?units=metric").method(method)),
                "{\"city\":\"São Paulo\",\"days\":3,\"tags\":[\"rain\",\"wind\"],\"skip\":null,"
                        + "\"where\":{\"lat\":1.5},\"q\":\"a&b=c#d+e\"}");

        assertThat(result).isEqualTo("{\"ok\":true}");
        RecordedRequest request = take();
        assertThat(request.getMethod()).isEqualTo(method);
        assertThat(request.getTarget()).isEqualTo("/weather?units=metric&city=S%C3%A3o%20Paulo&days=3"
                + "&tags=rain&tags=wind&where=%7B%22lat%22%3A1.5%7D&q=a%26b%3Dc%23d%2Be");
        assertThat(request.getBodySize()).as("no body or an empty one").isIn(-1L, 0L);
        assertThat(request.getHeaders().get("Content-Type")).isNull();
    }

    @Test
    void fillsPathVariablesFromTheArgumentsAndSendsTheRestInTheBody() throws InterruptedException {
        server.enqueue(json(200, "{}"));

        run(executor(config("/orders/{order_id}/items/{item}")), "{\"order_id\":\"A 1\",\"item\":5,\"note\":\"x\"}");

        RecordedRequest request = take();
        assertThat(request.getTarget()).isEqualTo("/orders/A%201/items/5");
        assertThat(request.getBody().utf8()).isEqualTo("{\"note\":\"x\"}");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "../../admin                | ..%2F..%2Fadmin",
        "/admin                     | %2Fadmin",
        "x?admin=true               | x%3Fadmin%3Dtrue",
        "x#fragment                 | x%23fragment",
        "@evil.example.com          | %40evil.example.com",
        "evil.example.com:80@x      | evil.example.com%3A80%40x",
        "//evil.example.com/steal   | %2F%2Fevil.example.com%2Fsteal",
        "http://evil.example.com/   | http%3A%2F%2Fevil.example.com%2F",
        "%2e%2e%2fadmin             | %252e%252e%252fadmin",
        "'a\\b c'                   | a%5Cb%20c",
    })
    void hostileArgumentsStayInsideOnePathSegmentOfTheConfiguredHost(String hostile, String encoded)
            throws InterruptedException {
        server.enqueue(json(200, "{}"));
        HttpToolExecutor executor = executor(config("/orders/{order_id}/status").method("GET"));

        run(executor, tree(Map.of("order_id", hostile, "host", "evil.example.com")));

        RecordedRequest request = take();
        assertThat(request.getTarget()).isEqualTo("/orders/" + encoded + "/status?host=evil.example.com");
        assertThat(request.getHeaders().get("Host")).isEqualTo(server.getHostName() + ":" + server.getPort());
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", ".", ""})
    void refusesPathValuesThatWouldChangeTheLevelOfThePath(String value) {
        HttpToolExecutor executor = executor(config("/orders/{order_id}"));

        assertThatThrownBy(() -> run(executor, tree(Map.of("order_id", value))))
                .isInstanceOf(ToolException.class)
                .hasMessage("Tool 'lookup_order': argument 'order_id' must not be empty, '.' or '..': "
                        + "it is part of the URL path");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aMissingOrStructuredPathArgumentIsReportedToTheModel() {
        HttpToolExecutor executor = executor(config("/orders/{order_id}"));

        assertThatThrownBy(() -> run(executor, "{\"order\":1}")).isInstanceOf(ToolException.class)
                .hasMessage("Tool 'lookup_order': argument 'order_id' is required: it is part of the URL path");
        assertThatThrownBy(() -> run(executor, "{\"order_id\":[1]}")).isInstanceOf(ToolException.class)
                .hasMessageContaining("argument 'order_id' must be a string or a number");
        assertThatThrownBy(() -> run(executor, "not json")).isInstanceOf(ToolException.class)
                .hasMessage("Tool 'lookup_order': the arguments are not a JSON object");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void redactsNestedPointersAndTopLevelFields() {
        server.enqueue(json(200, """
                {"user": {"name": "Ann", "email": "ann@example.com"}, "token": "abc",
                 "items": [{"card": "4111"}, {"card": "5500"}], "nested": {"token": "kept"}}"""));
        HttpToolExecutor executor = executor(config("/me").redact("/user/email", "token", "/items/1/card",
                "/absent/field", "/items/9"));

        assertThat(run(executor, "{}")).isEqualTo("{\"user\":{\"name\":\"Ann\",\"email\":\"[redacted]\"},"
                + "\"token\":\"[redacted]\",\"items\":[{\"card\":\"4111\"},{\"card\":\"[redacted]\"}],"
                + "\"nested\":{\"token\":\"kept\"}}");
    }

    @Test
    void passesOnlyTheSelectedPartRedactedAsConfiguredForTheWholeBody() {
        server.enqueue(json(200, """
                {"meta": {"page": 1}, "data": {"order": {"id": 7, "secret": "s"}, "other": 2}}"""));
        HttpToolExecutor executor = executor(config("/orders").redact("/data/order/secret").select("/data/order"));

        assertThat(run(executor, "{}")).isEqualTo("{\"id\":7,\"secret\":\"[redacted]\"}");
    }

    @Test
    void aSelectionTheResponseLacksFailsTheCall() {
        server.enqueue(json(200, "{\"data\":{}}"));
        server.enqueue(text(200, "plain"));
        HttpToolExecutor executor = executor(config("/orders").select("/data/order"));

        assertThatThrownBy(() -> run(executor, "{}")).isInstanceOf(ToolException.class)
                .hasMessage("Tool 'lookup_order': the response has nothing at /data/order");
        assertThatThrownBy(() -> run(executor, "{}")).isInstanceOf(ToolException.class)
                .hasMessage("Tool 'lookup_order': the response is not JSON, so /data/order cannot be selected");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Sunny, 21 °C\nWind: 10 km/h\n", "{\"a\":1} and more", "42 apples", ""})
    void passesANonJsonBodyOnAsText(String body) {
        server.enqueue(text(200, body));

        assertThat(run(executor(config("/weather").redact("a")), "{}")).isEqualTo(body);
    }

    @Test
    void readsTheBodyInTheCharsetTheServiceDeclares() {
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/plain; charset=ISO-8859-1")
                .body(new Buffer().writeString("Crème", StandardCharsets.ISO_8859_1))
                .build());

        assertThat(run(executor(config("/word")), "{}")).isEqualTo("Crème");
    }

    @Test
    void notFoundNamesTheToolTheStatusAndTheBody() {
        server.enqueue(json(404, "{\"error\": \"no order 7\"}"));

        assertThatThrownBy(() -> run(executor(config("/orders")), "{}")).isInstanceOf(ToolException.class)
                .hasMessage("Tool 'lookup_order': the service answered HTTP 404 Not Found: {\"error\":\"no order 7\"}")
                .satisfies(e -> assertThat(((ToolException) e).toolName()).isEqualTo(TOOL));
    }

    @Test
    void serverErrorsShowAShortRedactedExcerpt() {
        server.enqueue(json(500, "{\"token\": \"abc\", \"trace\": \"" + "x".repeat(400) + "\"}"));

        assertThatThrownBy(() -> run(executor(config("/orders").redact("token")), "{}"))
                .isInstanceOf(ToolException.class)
                .hasMessageStartingWith("Tool 'lookup_order': the service answered HTTP 500 Internal Server Error: "
                        + "{\"token\":\"[redacted]\",\"trace\":\"xxx")
                .hasMessageEndingWith("xxx...")
                .hasMessageNotContaining("abc");
    }

    @Test
    void anErrorBodyOverTheSizeLimitIsStillShownAsAnExcerpt() {
        server.enqueue(text(500, "y".repeat(2048)));

        assertThatThrownBy(() -> run(executor(config("/orders").maxResponseBytes(1024)), "{}"))
                .hasMessageStartingWith("Tool 'lookup_order': the service answered HTTP 500 Internal Server Error: yyy")
                .hasMessageEndingWith("yyy...");
    }

    @Test
    void anErrorStatusWithoutABodyIsReportedWithTheStatusAlone() {
        server.enqueue(new MockResponse.Builder().code(503).build());

        assertThatThrownBy(() -> run(executor(config("/orders")), "{}"))
                .hasMessage("Tool 'lookup_order': the service answered HTTP 503 Service Unavailable");
    }

    @Test
    void redirectsAreNotFollowed() {
        server.enqueue(new MockResponse.Builder().code(302).addHeader("Location", "http://evil.example.com/")
                .build());

        assertThatThrownBy(() -> run(executor(config("/orders")), "{}"))
                .hasMessage("Tool 'lookup_order': the service answered HTTP 302 Found");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aSlowServiceTimesOut() {
        server.enqueue(json(200, "{}").newBuilder().headersDelay(5, TimeUnit.SECONDS).build());
        HttpToolExecutor executor = executor(config("/slow").timeout(Duration.ofMillis(200)));

        long start = System.nanoTime();
        assertThatThrownBy(() -> run(executor, "{}")).isInstanceOf(ToolException.class)
                .hasMessage("Tool 'lookup_order': the call timed out after 200 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void aResponseOverTheSizeLimitFailsTheCall() {
        server.enqueue(text(200, "x".repeat(2048)));
        server.enqueue(text(200, "x".repeat(1024)));
        HttpToolExecutor executor = executor(config("/big").maxResponseBytes(1024));

        assertThatThrownBy(() -> run(executor, "{}")).isInstanceOf(ToolException.class)
                .hasMessage("Tool 'lookup_order': the response is larger than the limit of 1024 bytes");
        assertThat(run(executor, "{}")).hasSize(1024);
    }

    @Test
    void executorsBuiltPerConversationShareOneHttpClient() {
        server.enqueue(json(200, "{\"ok\":true}"));
        executor(config("/warm").timeout(Duration.ofMillis(1234)));
        long selectorsBefore = selectorThreads();

        for (int i = 0; i < 50; i++) {
            executor(config("/orders").timeout(Duration.ofMillis(1234)));
        }

        // each JDK HttpClient owns a selector thread: fifty executors with one timeout start none more
        assertThat(selectorThreads()).isEqualTo(selectorsBefore);
        assertThat(run(executor(config("/orders").timeout(Duration.ofMillis(1234))), "{}")).isEqualTo("{\"ok\":true}");
    }

    private static long selectorThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().contains("SelectorManager")).count();
    }

    @Test
    void aServiceThatRefusesTheConnectionFailsTheCall() {
        String url = server.url("/").toString();
        server.close();
        HttpToolExecutor executor = executor(HttpToolConfig.builder(url + "orders"));

        assertThatThrownBy(() -> run(executor, "{}")).isInstanceOf(ToolException.class)
                .hasMessageStartingWith("Tool 'lookup_order': could not reach the service: ConnectException");
    }

    @Test
    void environmentValuesEchoedByTheServiceNeverReachTheModel() {
        server.enqueue(json(200, "{\"headers\":{\"Authorization\":\"Bearer " + TOKEN + "\"}}"));
        server.enqueue(text(401, "bad token " + TOKEN));
        HttpToolExecutor executor = executor(config("/anything").headerFromEnv("Authorization", "TOOLS_TOKEN",
                "Bearer "));

        assertThat(run(executor, "{}")).isEqualTo("{\"headers\":{\"Authorization\":\"Bearer [redacted]\"}}");
        assertThatThrownBy(() -> run(executor, "{}"))
                .hasMessage("Tool 'lookup_order': the service answered HTTP 401 Unauthorized: bad token [redacted]");
    }

    @Test
    void fixedCredentialHeadersEchoedInAnyCaseNeverReachTheModel() {
        server.enqueue(json(200, "{\"echo\":\"" + TOKEN.toUpperCase(java.util.Locale.ROOT) + "\"}"));
        server.enqueue(text(403, "key " + TOKEN.substring(4) + " may not call this"));
        HttpToolExecutor executor = executor(config("/anything").header("x-api-key", TOKEN));

        assertThat(run(executor, "{}")).isEqualTo("{\"echo\":\"[redacted]\"}");
        assertThatThrownBy(() -> run(executor, "{}"))
                .hasMessage("Tool 'lookup_order': the service answered HTTP 403 Forbidden: key [redacted] may not call"
                        + " this");
    }

    @Test
    void aMissingEnvironmentVariableIsNamedWhenTheExecutorIsBuilt() {
        HttpToolConfig config = config("/orders").headerFromEnv("Authorization", "TOOLS_TOKEN", "Bearer ")
                .headerFromEnv("X-Api-Key", "SHOP_KEY").headerFromEnv("X-Blank", "BLANK").build();

        assertThatThrownBy(() -> new HttpToolExecutor(config, Map.of("TOOLS_TOKEN", TOKEN, "BLANK", " ")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SHOP_KEY (for header X-Api-Key), BLANK (for header X-Blank)")
                .hasMessageNotContaining(TOKEN)
                .hasMessageNotContaining("TOOLS_TOKEN");
    }

    @Test
    void anEnvironmentValueWithALineBreakInsideIsRefusedWithoutShowingIt() {
        HttpToolConfig config = config("/orders").headerFromEnv("Authorization", "TOOLS_TOKEN").build();

        assertThatThrownBy(() -> new HttpToolExecutor(config, Map.of("TOOLS_TOKEN", "abc\r\nX-Evil: 1\n")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Environment variable TOOLS_TOKEN (for header Authorization) holds a control character, "
                        + "which a header value cannot hold");
    }

    private HttpToolConfig.Builder config(String pathAndQuery) {
        return HttpToolConfig.builder("http://" + server.getHostName() + ":" + server.getPort() + pathAndQuery);
    }

    private static HttpToolExecutor executor(HttpToolConfig.Builder config) {
        return new HttpToolExecutor(config.build(), ENVIRONMENT);
    }

    private static String run(HttpToolExecutor executor, String rawArguments) {
        return run(executor, ToolCall.fromRawArguments("call-1", TOOL, rawArguments).args());
    }

    private static String run(HttpToolExecutor executor, JsonNode arguments) {
        return executor.execute(new ToolCall("call-1", TOOL, arguments), new ToolContext("conv-1", "call-1", TOOL))
                .block(Duration.ofSeconds(10));
    }

    private RecordedRequest take() throws InterruptedException {
        return server.takeRequest(1, TimeUnit.SECONDS);
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json").body(body)
                .build();
    }

    private static MockResponse text(int status, String body) {
        return new MockResponse.Builder().code(status).addHeader("Content-Type", "text/plain; charset=utf-8")
                .body(body).build();
    }

    private static JsonNode tree(Object value) {
        return value instanceof String json ? JsonMapper.shared().readTree(json) : JsonMapper.shared().valueToTree(value);
    }
}
