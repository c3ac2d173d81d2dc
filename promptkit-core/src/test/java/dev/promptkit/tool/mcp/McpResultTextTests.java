/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.spec.McpSchema.AudioContent;
import io.modelcontextprotocol.spec.McpSchema.BlobResourceContents;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.EmbeddedResource;
import io.modelcontextprotocol.spec.McpSchema.ImageContent;
import io.modelcontextprotocol.spec.McpSchema.ResourceLink;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import java.util.Map;
import org.junit.jupiter.api.Test;

class McpResultTextTests {

    @Test
    void joinsTextContentLineByLine() {
        CallToolResult result = CallToolResult.builder().addTextContent("first").addTextContent("second").build();

        assertThat(McpResultText.of(result)).isEqualTo("first\nsecond");
    }

    @Test
    void prefersStructuredContentAsJson() {
        CallToolResult result = CallToolResult.builder().addTextContent("{\"a\": 1}").structuredContent(Map.of("a", 1))
                .build();

        assertThat(McpResultText.of(result)).isEqualTo("{\"a\":1}");
    }

    @Test
    void describesBinaryContentAndShowsTextResources() {
        CallToolResult result = CallToolResult.builder()
                .addContent(ImageContent.builder("iVBORw0KGgo=", "image/png").build())
                .addContent(AudioContent.builder("AAAA", "audio/wav").build())
                .addContent(EmbeddedResource.builder(TextResourceContents.builder("file:///notes.txt", "remember")
                        .mimeType("text/plain").build()).build())
                .addContent(EmbeddedResource.builder(BlobResourceContents.builder("file:///data.gz", "AAAAAA==")
                        .mimeType("application/gzip").build()).build())
                .addContent(ResourceLink.builder().name("report").uri("file:///report.pdf").mimeType("application/pdf")
                        .build())
                .build();

        assertThat(McpResultText.of(result)).isEqualTo(String.join("\n",
                "[image: image/png, 8 bytes]",
                "[audio: audio/wav, 3 bytes]",
                "[resource: file:///notes.txt (text/plain)]",
                "remember",
                "[resource: file:///data.gz (application/gzip), 4 bytes]",
                "[resource link: report <file:///report.pdf> (application/pdf)]"));
    }

    @Test
    void anErrorWithoutTextSaysSo() {
        assertThat(McpResultText.errorOf(CallToolResult.builder().isError(true).build()))
                .isEqualTo("the server reported an error without a message");
        assertThat(McpResultText.errorOf(CallToolResult.builder().addTextContent("boom").isError(true).build()))
                .isEqualTo("boom");
    }
}
