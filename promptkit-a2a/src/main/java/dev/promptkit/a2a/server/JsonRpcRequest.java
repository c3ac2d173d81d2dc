/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.a2a.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.a2a.spec.InvalidParamsError;
import io.a2a.spec.InvalidRequestError;
import io.a2a.spec.JSONParseError;
import io.a2a.spec.JSONRPCError;
import io.a2a.util.Utils;

/**
 * One JSON-RPC 2.0 request, read from a request body.
 *
 * @param id the request's id: a string, an integer or {@code null}
 * @param method the method called
 * @param params the parameters, an object
 */
record JsonRpcRequest(Object id, String method, JsonNode params) {

    /** A request that is not valid, with the error to answer and the id, when one could be read. */
    static final class Invalid extends RuntimeException {

        private final transient Object id;
        private final transient JSONRPCError error;

        Invalid(Object id, JSONRPCError error) {
            super(error.getMessage(), null, false, false);
            this.id = id;
            this.error = error;
        }

        Object id() {
            return id;
        }

        JSONRPCError error() {
            return error;
        }
    }

    /**
     * Reads {@code body}.
     *
     * @throws Invalid when it is not JSON, or not a JSON-RPC 2.0 request
     */
    static JsonRpcRequest read(String body) {
        JsonNode tree;
        try {
            tree = Utils.OBJECT_MAPPER.readTree(body == null ? "" : body);
        }
        catch (JsonProcessingException e) {
            throw new Invalid(null, new JSONParseError("the body is not JSON: " + e.getOriginalMessage()));
        }
        if (tree == null || !tree.isObject()) {
            throw new Invalid(null, new InvalidRequestError("the body is not a JSON-RPC request object"));
        }
        Object id = id(tree.get("id"));
        if (!"2.0".equals(tree.path("jsonrpc").asText(null))) {
            throw new Invalid(id, new InvalidRequestError("'jsonrpc' must be \"2.0\""));
        }
        JsonNode method = tree.get("method");
        if (method == null || !method.isTextual() || method.asText().isBlank()) {
            throw new Invalid(id, new InvalidRequestError("'method' is missing or not a string"));
        }
        JsonNode params = tree.get("params");
        if (params != null && !params.isObject()) {
            throw new Invalid(id, new InvalidParamsError("'params' must be an object"));
        }
        return new JsonRpcRequest(id, method.asText(), params);
    }

    /** The parameters as {@code type}. */
    <T> T params(Class<T> type) {
        if (params == null) {
            throw new Invalid(id, new InvalidParamsError(method + ": 'params' is missing"));
        }
        try {
            return Utils.OBJECT_MAPPER.treeToValue(params, type);
        }
        catch (JsonProcessingException | IllegalArgumentException e) {
            String detail = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
            throw new Invalid(id, new InvalidParamsError(method + ": 'params' is not valid: " + detail));
        }
    }

    private static Object id(JsonNode id) {
        if (id == null || id.isNull()) {
            return null;
        }
        if (id.isIntegralNumber() && id.canConvertToInt()) {
            return id.asInt();
        }
        if (id.isTextual()) {
            return id.asText();
        }
        throw new Invalid(null, new InvalidRequestError("'id' must be a string, an integer or null"));
    }
}
