/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool.mcp;

import dev.promptkit.secret.SecretRedactor;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * How to reach an MCP server: a local process spoken to over stdio, a remote streamable-HTTP endpoint,
 * or a remote server on the legacy HTTP+SSE transport. Commands come only from application configuration,
 * never from a pack or a model.
 *
 * @since 0.1.0
 */
public sealed interface McpTransportConfig permits McpTransportConfig.Stdio, McpTransportConfig.Remote {

    /** Which transport this is. */
    McpTransportType type();

    /**
     * The command line, or the URL without user info and query, for messages and logs. Environment
     * variables and headers are never shown: keep secrets there rather than in arguments.
     */
    String describe();

    /** Masks the values of the credential headers (remote) or environment variables (process) in any text. */
    SecretRedactor redactor();

    static Stdio stdio(String command, String... args) {
        return new Stdio(command, List.of(args), Map.of(), null);
    }

    static StreamableHttp streamableHttp(String url) {
        return new StreamableHttp(URI.create(url), Map.of());
    }

    /** A server on the legacy HTTP+SSE transport whose event stream is at {@code url} (often ending in /sse). */
    static Sse sse(String url) {
        return new Sse(URI.create(url), Map.of());
    }

    /**
     * A server process started with {@code command} and {@code args}, spoken to over stdin/stdout.
     * The process inherits only {@code HOME}, {@code LOGNAME}, {@code PATH}, {@code SHELL}, {@code TERM}
     * and {@code USER} from this JVM (so API keys in the environment do not leak to it), plus {@code env}.
     * {@code workingDirectory} may be null (this JVM's working directory).
     */
    record Stdio(String command, List<String> args, Map<String, String> env, Path workingDirectory)
            implements McpTransportConfig {

        public Stdio {
            Objects.requireNonNull(command, "command");
            if (command.isBlank()) {
                throw new IllegalArgumentException("An MCP stdio server needs a command");
            }
            args = args == null ? List.of() : List.copyOf(args);
            env = env == null ? Map.of() : Map.copyOf(env);
        }

        @Override
        public McpTransportType type() {
            return McpTransportType.STDIO;
        }

        public Stdio withEnv(Map<String, String> env) {
            return new Stdio(command, args, env, workingDirectory);
        }

        public Stdio withWorkingDirectory(Path workingDirectory) {
            return new Stdio(command, args, env, workingDirectory);
        }

        @Override
        public String describe() {
            String commandLine = Stream.concat(Stream.of(command), args.stream()).collect(Collectors.joining(" "));
            return "command '" + commandLine + "'";
        }

        @Override
        public SecretRedactor redactor() {
            return SecretRedactor.of(SecretRedactor.credentialValues(env));
        }

        /** Shows the names of the environment variables, not their values. */
        @Override
        public String toString() {
            return "Stdio[" + describe() + ", env=" + new TreeMap<>(env).keySet() + ", workingDirectory="
                    + workingDirectory + "]";
        }
    }

    /** A server reached over HTTP at {@code url}, sent {@code headers} (credentials among them) on every request. */
    sealed interface Remote extends McpTransportConfig permits StreamableHttp, Sse {

        /** The server's URL. */
        URI url();

        /** The headers sent with every request. */
        Map<String, String> headers();

        @Override
        default String describe() {
            return RemoteEndpoint.describe(url());
        }

        @Override
        default SecretRedactor redactor() {
            return RemoteEndpoint.redactor(headers());
        }
    }

    /** A remote server at {@code url} (the single MCP endpoint), sent {@code headers} on every request. */
    record StreamableHttp(URI url, Map<String, String> headers) implements Remote {

        public StreamableHttp {
            RemoteEndpoint.requireHttp(url, "streamable-HTTP");
            headers = RemoteEndpoint.copy(headers);
        }

        @Override
        public McpTransportType type() {
            return McpTransportType.STREAMABLE_HTTP;
        }

        public StreamableHttp withHeader(String name, String value) {
            return new StreamableHttp(url, RemoteEndpoint.with(headers, name, value));
        }

        /** Shows the names of the headers, not their values. */
        @Override
        public String toString() {
            return "StreamableHttp" + RemoteEndpoint.summary(url, headers);
        }
    }

    /**
     * A remote server on the legacy HTTP+SSE transport (MCP 2024-11-05): its event stream at {@code url}, which
     * names the URL to POST messages to (on the same origin); {@code headers} go with the GET and every POST.
     */
    record Sse(URI url, Map<String, String> headers) implements Remote {

        public Sse {
            RemoteEndpoint.requireHttp(url, "SSE");
            headers = RemoteEndpoint.copy(headers);
        }

        @Override
        public McpTransportType type() {
            return McpTransportType.SSE;
        }

        public Sse withHeader(String name, String value) {
            return new Sse(url, RemoteEndpoint.with(headers, name, value));
        }

        /** Shows the names of the headers, not their values. */
        @Override
        public String toString() {
            return "Sse" + RemoteEndpoint.summary(url, headers);
        }
    }
}
