/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool.mcp;

import dev.promptkit.test.EverythingServerBinary;
import java.nio.file.Path;

/**
 * The real {@code @modelcontextprotocol/server-everything} (see {@link EverythingServerBinary}) over stdio; on HTTP it
 * is {@link dev.promptkit.test.EverythingServerProcess}.
 */
final class EverythingServer {

    private EverythingServer() {
    }

    /** The installed binary; skips (or on CI fails) the calling test when it is missing or another version. */
    static Path binary() {
        return EverythingServerBinary.path();
    }

    static McpTransportConfig.Stdio stdio() {
        return McpTransportConfig.stdio(binary().toString());
    }
}
