/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.test;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives test and lifecycle methods a {@link PrivateRedisCluster} parameter: one Redis Cluster of three masters
 * without replicas, started on first use and shared by every test class of the run that uses this extension (they
 * must leave it whole: tests that kill nodes start their own), closed when the run ends. Without
 * {@code redis-server} the tests are skipped, or fail when {@code CI=true}.
 */
public final class SharedRedisCluster implements ParameterResolver {

    private static final Namespace NAMESPACE = Namespace.create(SharedRedisCluster.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == PrivateRedisCluster.class;
    }

    @Override
    public PrivateRedisCluster resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return cluster(context);
    }

    /** The run's shared cluster, started on first use: for other extensions that hand tests a view of it. */
    public static PrivateRedisCluster cluster(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(PrivateRedisCluster.class,
                key -> PrivateRedisCluster.startOrSkip(3, 0), PrivateRedisCluster.class);
    }
}
