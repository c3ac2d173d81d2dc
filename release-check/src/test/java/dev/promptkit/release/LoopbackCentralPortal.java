/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.release;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Central Portal's Publisher API on loopback, as the Central publishing plugin speaks to it: {@code POST
 * /api/v1/publisher/upload?name=...&publishingType=...} takes the bundle as the multipart part {@code bundle} and
 * answers 201 with a deployment id; {@code POST /api/v1/publisher/status?id=...} answers the deployment's state,
 * {@code VALIDATED} or {@code FAILED} with the problems {@link CentralRules} found, by file. Both refuse a request
 * without the portal token ({@code Authorization: UserToken base64(name:password)}) with 401, as Central does.
 */
final class LoopbackCentralPortal implements AutoCloseable {

    /** One uploaded bundle and what validation found. */
    record Deployment(String id, String name, String publishingType, CentralBundle bundle, List<String> problems) {
    }

    private static final JsonMapper JSON = JsonMapper.shared();

    private final HttpServer server;
    private final String expectedAuthorization;
    private final CentralRules rules;
    private final Map<String, Deployment> deployments = new ConcurrentHashMap<>();

    LoopbackCentralPortal(String tokenName, String tokenPassword, CentralRules rules) {
        this.expectedAuthorization = "UserToken " + Base64.getEncoder()
                .encodeToString((tokenName + ":" + tokenPassword).getBytes(StandardCharsets.UTF_8));
        this.rules = rules;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        server.createContext("/api/v1/publisher/upload", this::upload);
        server.createContext("/api/v1/publisher/status", this::status);
        server.start();
    }

    /** The base URL to give the plugin as {@code centralBaseUrl}. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The deployments uploaded so far, by id. */
    Map<String, Deployment> deployments() {
        return Map.copyOf(deployments);
    }

    private void upload(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!authorized(exchange)) {
                return;
            }
            byte[] zip = MultipartBody.part(exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestBody().readAllBytes(), "bundle");
            if (zip == null) {
                respond(exchange, 400, "text/plain", "no multipart part named bundle");
                return;
            }
            Map<String, String> query = query(exchange.getRequestURI());
            CentralBundle bundle = CentralBundle.read(zip);
            String id = UUID.randomUUID().toString();
            deployments.put(id, new Deployment(id, query.get("name"), query.get("publishingType"), bundle,
                    rules.problems(bundle)));
            respond(exchange, 201, "text/plain", id);
        }
    }

    private void status(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!authorized(exchange)) {
                return;
            }
            Deployment deployment = deployments.get(query(exchange.getRequestURI()).get("id"));
            if (deployment == null) {
                respond(exchange, 404, "text/plain", "no such deployment");
                return;
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("deploymentId", deployment.id());
            body.put("deploymentName", deployment.name());
            body.put("deploymentState", deployment.problems().isEmpty() ? "VALIDATED" : "FAILED");
            body.put("purls", deployment.bundle().components().stream().map(LoopbackCentralPortal::purl).toList());
            body.put("errors", deployment.problems().isEmpty() ? Map.of() : Map.of("bundle", deployment.problems()));
            respond(exchange, 200, "application/json", JSON.writeValueAsString(body));
        }
    }

    private boolean authorized(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            respond(exchange, 405, "text/plain", "POST only");
            return false;
        }
        if (!expectedAuthorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            respond(exchange, 401, "text/plain", "missing or wrong portal token");
            return false;
        }
        return true;
    }

    private static String purl(String component) {
        String[] segments = component.split("/");
        int n = segments.length;
        return "pkg:maven/" + String.join(".", List.of(segments).subList(0, n - 2)) + "/" + segments[n - 2] + "@"
                + segments[n - 1];
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> values = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int equals = pair.indexOf('=');
                String key = equals < 0 ? pair : pair.substring(0, equals);
                String value = equals < 0 ? "" : pair.substring(equals + 1);
                values.put(java.net.URLDecoder.decode(key, StandardCharsets.UTF_8),
                        java.net.URLDecoder.decode(value, StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
