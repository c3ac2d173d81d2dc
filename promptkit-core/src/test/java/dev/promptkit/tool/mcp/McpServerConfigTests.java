/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class McpServerConfigTests {

    @Test
    void takesTheDefaults() {
        McpServerConfig config = McpServerConfig.of("files", McpTransportConfig.stdio("npx", "-y", "server"));

        assertThat(config.toolFilter()).isEqualTo(McpToolFilter.ALL);
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.initTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.retryBackoff()).isEqualTo(new McpRetryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(60)));
    }

    @Test
    void rejectsNamesThatCannotBePartOfAToolName() {
        McpTransportConfig transport = McpTransportConfig.stdio("server");

        assertThatIllegalArgumentException().isThrownBy(() -> McpServerConfig.of("my server", transport))
                .withMessageContaining("'my server'");
        assertThatIllegalArgumentException().isThrownBy(() -> McpServerConfig.of("files", transport)
                .withRequestTimeout(Duration.ZERO));
        assertThatIllegalArgumentException().isThrownBy(() -> McpTransportConfig.stdio(" "));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> McpTransportConfig.streamableHttp("ftp://example.com/mcp"));
        assertThatIllegalArgumentException().isThrownBy(() -> McpTransportConfig.sse("ws://example.com/sse"))
                .withMessage("An MCP SSE server needs an http(s) URL, not ws://example.com/sse");
    }

    @Test
    void describesTransportsWithoutSecrets() {
        McpTransportConfig.Stdio stdio = McpTransportConfig.stdio("npx", "-y", "server")
                .withEnv(Map.of("API_KEY", "secret-env"));
        McpTransportConfig.StreamableHttp http = McpTransportConfig
                .streamableHttp("https://user:secret-password@mcp.example.com:8443/mcp?key=secret-query")
                .withHeader("Authorization", "Bearer secret-header");

        assertThat(stdio.describe()).isEqualTo("command 'npx -y server'");
        assertThat(http.describe()).isEqualTo("URL https://mcp.example.com:8443/mcp");
        assertThat(stdio.toString()).contains("API_KEY").doesNotContain("secret");
        assertThat(http.toString()).contains("Authorization").doesNotContain("secret");
        assertThat(McpServerConfig.of("remote", http).toString()).doesNotContain("secret");
    }

    @Test
    void describesAnSseServerWithoutSecretsAndMasksItsHeaderValues() {
        McpTransportConfig.Sse sse = McpTransportConfig.sse("http://user:secret-password@127.0.0.1:3001/sse?key=secret")
                .withHeader("X-Api-Key", "secret-header-value");

        assertThat(sse.type()).isEqualTo(McpTransportType.SSE);
        assertThat(sse.type().value()).isEqualTo("sse");
        assertThat(McpTransportType.STREAMABLE_HTTP.value()).isEqualTo("streamable-http");
        assertThat(sse.describe()).isEqualTo("URL http://127.0.0.1:3001/sse");
        assertThat(sse.toString()).isEqualTo("Sse[URL http://127.0.0.1:3001/sse, headers=[X-Api-Key]]");
        assertThat(sse.redactor().redact("bad key secret-header-value")).isEqualTo("bad key [redacted]");
    }

    @Test
    void filtersByExactNameOrPrefixWildcard() {
        McpToolFilter filter = new McpToolFilter(List.of("read_*", "list_dir"), List.of("read_secret*"));

        assertThat(filter.allows("read_file")).isTrue();
        assertThat(filter.allows("list_dir")).isTrue();
        assertThat(filter.allows("list_dirs")).isFalse();
        assertThat(filter.allows("write_file")).isFalse();
        assertThat(filter.allows("read_secrets")).isFalse();
        assertThat(McpToolFilter.block("write_*").allows("write_file")).isFalse();
        assertThat(McpToolFilter.block("write_*").allows("read_file")).isTrue();
        assertThat(McpToolFilter.ALL.allows("anything")).isTrue();
    }

    @Test
    void backsOffDoublingUpToTheMaximum() {
        McpRetryBackoff backoff = McpRetryBackoff.DEFAULT;

        assertThat(backoff.delayAfter(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.delayAfter(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.delayAfter(6)).isEqualTo(Duration.ofSeconds(32));
        assertThat(backoff.delayAfter(7)).isEqualTo(Duration.ofSeconds(60));
        assertThat(backoff.delayAfter(1_000)).isEqualTo(Duration.ofSeconds(60));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new McpRetryBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)));
    }
}
