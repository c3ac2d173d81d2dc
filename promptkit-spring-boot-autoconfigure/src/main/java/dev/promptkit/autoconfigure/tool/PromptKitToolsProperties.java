/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.tool;

import dev.promptkit.tool.BlockingToolThreads;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.util.unit.DataSize;

/**
 * How tool handlers run, under {@code promptkit.tools.*}.
 *
 * @param blocking where handlers that may block run ({@code @PromptTool} methods that return neither a
 *     {@code Mono}/{@code Publisher} nor a {@code CompletionStage}, and {@code onTool} handlers)
 * @param http pack tools answered by calling an HTTP endpoint, by tool name (write a name holding '_' in brackets:
 *     promptkit.tools.http[get_orders].url); an HttpToolHooks bean named after the tool adds its hooks
 *
 * @since 0.1.0
 */
@ConfigurationProperties("promptkit.tools")
public record PromptKitToolsProperties(@DefaultValue Blocking blocking, Map<String, HttpTool> http) {

    public PromptKitToolsProperties {
        http = http == null ? Map.of() : Map.copyOf(http);
    }

    /**
     * A pack tool answered by an HTTP endpoint (see {@code HttpToolConfig}).
     *
     * @param url the endpoint, absolute http or https; path variables such as {order_id} are filled from the arguments
     * @param method GET, POST, PUT, PATCH or DELETE; arguments go in a JSON body for POST, PUT and PATCH, in the query
     *     for GET and DELETE
     * @param headers headers sent with fixed values, by name
     * @param headersFromEnv headers whose values are read from environment variables at start-up, by name
     * @param timeout how long a call may take in all
     * @param redact response fields replaced with [redacted] before the model sees them: JSON pointers or top-level
     *     field names
     * @param select the JSON pointer of the only part of the response the model sees
     * @param maxResponseSize the largest response body accepted
     */
    public record HttpTool(String url, @DefaultValue("POST") String method, Map<String, String> headers,
            Map<String, EnvironmentHeader> headersFromEnv, @DefaultValue("30s") Duration timeout, List<String> redact,
            String select, @DefaultValue("1MB") DataSize maxResponseSize) {

        @Override
        public String toString() {
            return "HttpTool[" + method + " " + url + ", headers=" + (headers == null ? "{}" : headers.keySet()) + "]";
        }
    }

    /**
     * A header whose value is an environment variable's (or any property's of that name).
     *
     * @param variable the environment variable
     * @param scheme an authentication scheme such as Bearer, sent before the value with a space; none when unset
     */
    public record EnvironmentHeader(String variable, String scheme) {

        /** What goes before the value: the scheme and a space, or nothing. */
        String prefix() {
            return scheme == null || scheme.isBlank() ? "" : scheme.strip() + " ";
        }
    }

    /** Where blocking handlers run. */
    public enum Threads {

        /**
         * Virtual threads when {@code spring.threads.virtual.enabled} is {@code true} (on Java 21 and later), or when
         * it is not set and the JVM is Java 24 or later; else platform threads.
         */
        AUTO,

        /** One virtual thread per call (needs Java 21 or later). */
        VIRTUAL,

        /** A pool of platform threads. */
        PLATFORM
    }

    /**
     * Where blocking tool handlers run.
     *
     * @param threads auto (the default), virtual or platform; auto uses virtual threads when
     *     spring.threads.virtual.enabled is true (Java 21+), or when that property is not set and the JVM is Java 24+
     *     (where blocking inside synchronized no longer pins a carrier thread), else platform threads
     * @param maxThreads how many platform threads run blocking handlers at once (more calls wait for one, within the
     *     tool time-out); sized for I/O-bound work, made on demand
     * @param keepAlive how long an idle platform thread is kept
     */
    public record Blocking(@DefaultValue("auto") Threads threads, @DefaultValue("512") int maxThreads,
            @DefaultValue("60s") Duration keepAlive) {

        private static final String PREFIX = "promptkit.tools.blocking.";

        /**
         * The threads these settings ask for; {@code springVirtualThreads} is {@code spring.threads.virtual.enabled}
         * ({@code null} when not set).
         *
         * @throws InvalidConfigurationPropertyValueException for a size or keep-alive that is not positive, or
         *     virtual threads on a JVM without them
         */
        BlockingToolThreads toThreads(Boolean springVirtualThreads) {
            if (maxThreads < 1) {
                throw new InvalidConfigurationPropertyValueException(PREFIX + "max-threads", maxThreads,
                        "It must be at least 1.");
            }
            if (keepAlive.isNegative() || keepAlive.isZero()) {
                throw new InvalidConfigurationPropertyValueException(PREFIX + "keep-alive", keepAlive,
                        "It must be positive.");
            }
            boolean virtual = switch (threads) {
                case VIRTUAL -> true;
                case PLATFORM -> false;
                case AUTO -> springVirtualThreads != null
                        ? springVirtualThreads && BlockingToolThreads.virtualThreadsAvailable()
                        : BlockingToolThreads.virtualThreadsByDefault();
            };
            if (virtual && !BlockingToolThreads.virtualThreadsAvailable()) {
                throw new InvalidConfigurationPropertyValueException(PREFIX + "threads", "virtual",
                        "Virtual threads need Java 21 or later, and this JVM is Java " + Runtime.version().feature()
                                + ". Use auto or platform.");
            }
            return virtual ? BlockingToolThreads.virtualThreads()
                    : BlockingToolThreads.platformThreads(maxThreads, keepAlive);
        }
    }
}
