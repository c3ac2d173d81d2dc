/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.state.redis;

import dev.promptkit.test.PrivateRedisCluster;
import dev.promptkit.test.RealRedis;
import dev.promptkit.test.SharedRedisCluster;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * The connections of two application instances to one Redis deployment, and a key prefix of the test class's own,
 * given to test and lifecycle methods by {@link OnSharedRedis} (the run's Redis; the keys under the prefix are deleted
 * when the class ends) or {@link OnRedisCluster} (the run's shared cluster; the connections close when the class
 * ends). One per test class.
 */
public record TwoInstances(LettuceConnectionFactory first, LettuceConnectionFactory second, String prefix) {

    private static final Namespace NAMESPACE = Namespace.create(TwoInstances.class);

    private static TwoInstances ofTestClass(ExtensionContext context, Function<ExtensionContext, TwoInstances> connect) {
        ExtensionContext testClass = context.getTestMethod().isPresent() ? context.getParent().orElseThrow() : context;
        return testClass.getStore(NAMESPACE).computeIfAbsent(TwoInstances.class, key -> connect.apply(testClass),
                TwoInstances.class);
    }

    /** Two instances on the run's Redis (see {@link RealRedis}, which the class must use as well). */
    public static final class OnSharedRedis implements ParameterResolver {

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == TwoInstances.class;
        }

        @Override
        public TwoInstances resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return ofTestClass(context, testClass -> {
                TestKeyPrefix prefix = TestKeyPrefix.random();
                LettuceConnectionFactory first = RealRedis.connect(testClass);
                testClass.getStore(NAMESPACE).put("keys", (AutoCloseable) () -> prefix.deleteKeys(first));
                return new TwoInstances(first, RealRedis.connect(testClass), prefix.value());
            });
        }
    }

    /** Two instances on the run's shared Redis Cluster, which it also gives as a {@link PrivateRedisCluster}. */
    public static final class OnRedisCluster implements ParameterResolver {

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            Class<?> type = parameter.getParameter().getType();
            return type == TwoInstances.class || type == PrivateRedisCluster.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            PrivateRedisCluster cluster = SharedRedisCluster.cluster(context);
            if (parameter.getParameter().getType() == PrivateRedisCluster.class) {
                return cluster;
            }
            return ofTestClass(context, testClass -> {
                LettuceConnectionFactory first = cluster.connectionFactory();
                LettuceConnectionFactory second = cluster.connectionFactory();
                testClass.getStore(NAMESPACE).put("connections", (AutoCloseable) () -> {
                    first.destroy();
                    second.destroy();
                });
                return new TwoInstances(first, second, "cluster-" + UUID.randomUUID());
            });
        }
    }
}
