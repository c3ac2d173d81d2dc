/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.promptkit.test.RealRedis.Server;
import io.lettuce.core.RedisURI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

class RealRedisTests {

    private final Server missing = new Server(null, "no Redis answers at 127.0.0.1:6379", null);

    @Test
    void withoutARedisTheTestsAreSkippedWithTheReason() {
        ConditionEvaluationResult result = RealRedis.decide(missing, false);

        assertThat(result.isDisabled()).isTrue();
        assertThat(result.getReason()).hasValueSatisfying(reason -> assertThat(reason)
                .contains("no Redis answers at 127.0.0.1:6379").contains("PROMPTKIT_TEST_REDIS_URL"));
    }

    @Test
    void withoutARedisOnCiTheTestsFail() {
        assertThatThrownBy(() -> RealRedis.decide(missing, true))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("CI=true").hasMessageContaining("no Redis answers at 127.0.0.1:6379");
    }

    @Test
    void withARedisTheTestsRun() {
        Server local = new Server(RedisURI.create("redis://127.0.0.1:6379"), null, null);

        assertThat(RealRedis.decide(local, true).isDisabled()).isFalse();
    }
}
