/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Prompt packs: the JSON document ({@link dev.promptkit.pack.Pack} and its records, checked against the PromptPack
 * schema and for consistency) read by {@link dev.promptkit.pack.PackLoader}, its prompts, tools, parameters and
 * validators, and the templates and variables that render a prompt ({@link dev.promptkit.pack.Template},
 * {@link dev.promptkit.pack.VariableResolver}). Plain values: nothing here calls a model.
 */
package dev.promptkit.pack;
