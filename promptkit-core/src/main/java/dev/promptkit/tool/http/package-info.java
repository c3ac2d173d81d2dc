/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * PromptKit's {@code http} tool executor: a tool answered by calling an HTTP endpoint.
 *
 * <p>Describe the endpoint with an {@link dev.promptkit.tool.http.HttpToolConfig} (URL with path
 * variables, method, fixed headers and headers from environment variables, timeout, response
 * redaction and selection, size limit) and register an {@link dev.promptkit.tool.http.HttpToolExecutor}
 * built from it as the tool's executor.
 */
package dev.promptkit.tool.http;
