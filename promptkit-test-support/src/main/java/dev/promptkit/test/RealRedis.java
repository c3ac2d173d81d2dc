/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.test;

import io.lettuce.core.RedisURI;
import java.time.Duration;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.data.redis.connection.ReactiveRedisConnection;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Gives a test class a real Redis, or skips it, with the reason, when there is none; with {@code CI=true}
 * a missing Redis fails the tests instead. The server is the first of: the one at
 * {@code PROMPTKIT_TEST_REDIS_URL} (an explicit choice wins); a Testcontainers {@code redis:7-alpine} where
 * Docker runs; the one at {@code redis://127.0.0.1:6379}. Test and lifecycle methods receive a started
 * {@link LettuceConnectionFactory} to it as a parameter (a new one per parameter, destroyed when the
 * method's class or test ends). The server is found once per test run.
 */
public final class RealRedis implements ExecutionCondition, ParameterResolver {

    private static final Namespace NAMESPACE = Namespace.create(RealRedis.class);
    private static final String DEFAULT_URL = "redis://127.0.0.1:6379";
    private static final String REMEDY = " (start a Redis on 127.0.0.1:6379, point PROMPTKIT_TEST_REDIS_URL at one,"
            + " or run Docker)";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return decide(server(context), "true".equalsIgnoreCase(System.getenv("CI")));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LettuceConnectionFactory.class;
    }

    @Override
    public LettuceConnectionFactory resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return connect(context);
    }

    /**
     * A started connection factory to the test run's Redis, destroyed when {@code context} (a test, or a test class)
     * ends: for other extensions that hand tests their own view of the Redis.
     */
    public static LettuceConnectionFactory connect(ExtensionContext context) {
        LettuceConnectionFactory connections = connect(server(context).uri());
        context.getStore(NAMESPACE).put(connections, (AutoCloseable) connections::destroy);
        return connections;
    }

    /** Runs the tests on a server; skips them without one, or fails them without one on CI. */
    static ConditionEvaluationResult decide(Server server, boolean ci) {
        if (server.uri() != null) {
            return ConditionEvaluationResult.enabled("Redis at " + server.address());
        }
        if (ci) {
            throw new ExtensionConfigurationException("CI=true and these tests need a real Redis: "
                    + server.unavailableBecause() + REMEDY);
        }
        return ConditionEvaluationResult.disabled("Needs a real Redis: " + server.unavailableBecause() + REMEDY);
    }

    private static Server server(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(Server.class, key -> find(), Server.class);
    }

    private static Server find() {
        String url = System.getenv("PROMPTKIT_TEST_REDIS_URL");
        if (url != null && !url.isBlank()) {
            return probe(RedisURI.create(url), "PROMPTKIT_TEST_REDIS_URL is set");
        }
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            return probe(RedisURI.create(DEFAULT_URL), "Docker is not available for Testcontainers");
        }
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse("redis:7-alpine"))
                .withExposedPorts(6379);
        try {
            container.start();
            return new Server(RedisURI.create(container.getHost(), container.getMappedPort(6379)), null, container);
        }
        catch (RuntimeException notStarted) {
            container.close();
            return probe(RedisURI.create(DEFAULT_URL), "the Testcontainers Redis did not start ("
                    + notStarted.getMessage() + ")");
        }
    }

    private static Server probe(RedisURI uri, String why) {
        LettuceConnectionFactory connections = connect(uri);
        try (ReactiveRedisConnection connection = connections.getReactiveConnection()) {
            connection.ping().block(Duration.ofSeconds(5));
            return new Server(uri, null, null);
        }
        catch (RuntimeException unreachable) {
            Throwable detail = unreachable.getCause() == null ? unreachable : unreachable.getCause();
            return new Server(null, why + ", and no Redis answers at " + uri.getHost() + ":" + uri.getPort() + " ("
                    + detail.getMessage() + ")", null);
        }
        finally {
            connections.destroy();
        }
    }

    private static LettuceConnectionFactory connect(RedisURI uri) {
        LettuceConnectionFactory connections = new LettuceConnectionFactory(
                LettuceConnectionFactory.createRedisConfiguration(uri));
        connections.afterPropertiesSet();
        connections.start();
        return connections;
    }

    /** The Redis the tests use, or why there is none; stops its container at the end of the run. */
    record Server(RedisURI uri, String unavailableBecause, GenericContainer<?> container) implements AutoCloseable {

        String address() {
            return uri.getHost() + ":" + uri.getPort();
        }

        @Override
        public void close() {
            if (container != null) {
                container.stop();
            }
        }
    }
}
