/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.state;

import dev.promptkit.state.redis.LegacyKeyMigration;
import org.springframework.beans.factory.InitializingBean;

/**
 * Runs the {@link LegacyKeyMigration} once, when the application starts ({@code
 * promptkit.state-store.migrate-legacy-keys=true}), before the Redis stores are made; a failure stops the start-up,
 * naming what Redis said. The migration logs what it moved.
 */
final class LegacyKeyMigrationRun implements InitializingBean {

    private final LegacyKeyMigration migration;

    LegacyKeyMigrationRun(LegacyKeyMigration migration) {
        this.migration = migration;
    }

    @Override
    public void afterPropertiesSet() {
        migration.migrate().block();
    }
}
