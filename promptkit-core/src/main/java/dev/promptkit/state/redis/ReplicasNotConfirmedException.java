/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.state.redis;

import java.time.Duration;
import java.util.List;

/**
 * Fewer replicas than required confirmed a write within the wait: Redis applied it, but it may not survive the
 * failure of its master. Carries what the write's script returned.
 */
final class ReplicasNotConfirmedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<?> results;

    ReplicasNotConfirmedException(long confirmed, int required, Duration wait, List<?> results) {
        this("only " + confirmed + " of " + required + " replica" + (required == 1 ? "" : "s") + " confirmed the"
                + " write within " + wait.toMillis() + " ms (Redis WAIT); the master applied it, and it is lost if that"
                + " master fails before a replica has it", results);
    }

    ReplicasNotConfirmedException(Throwable waitFailure, List<?> results) {
        this("Redis WAIT failed (" + waitFailure.getMessage() + "), so no replica confirmed the write; the master"
                + " applied it, and it is lost if that master fails before a replica has it", results);
        initCause(waitFailure);
    }

    private ReplicasNotConfirmedException(String message, List<?> results) {
        super(message);
        this.results = results;
    }

    /** What the script returned. */
    List<?> results() {
        return results;
    }

    /** The same failure, once the write was undone. */
    ReplicasNotConfirmedException undone() {
        ReplicasNotConfirmedException undone = new ReplicasNotConfirmedException(getMessage().substring(0,
                getMessage().indexOf("; the master")) + "; the write was undone", results);
        if (getCause() != null) {
            undone.initCause(getCause());
        }
        return undone;
    }
}
