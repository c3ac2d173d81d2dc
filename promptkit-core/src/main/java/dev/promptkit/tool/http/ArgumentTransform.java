/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool.http;

import java.util.Map;

/**
 * Rewrites a call's arguments before the request is built from them (the seed's {@code WithTransform}): splits a
 * name in two, renames fields, adds values the model does not know. Runs on the calling thread: it must not block.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface ArgumentTransform {

    /**
     * @param arguments the model's arguments, as JSON values (maps, lists, strings, numbers, booleans); a copy the
     *        hook may change
     * @return the arguments to send; a runtime exception fails the call with a message naming the tool and the hook
     */
    Map<String, Object> transform(Map<String, Object> arguments);
}
