/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UrlTemplateTests {

    @Test
    void keepsTheConfiguredOriginAndQueryAndAppendsTheParameters() {
        UrlTemplate template = UrlTemplate.parse("HTTPS://[::1]:8443/v1/{id}/x/{id}?api-version=2");

        assertThat(template.isHttps()).isTrue();
        assertThat(template.variables()).containsExactly("id");
        assertThat(template.expand(Map.of("id", "a/b"), List.of(Map.entry("q", "1 2"))))
                .hasToString("https://[::1]:8443/v1/a%2Fb/x/a%2Fb?api-version=2&q=1%202");
    }

    @Test
    void leavesOutTheDefaultPortAndAnEmptyQuery() {
        UrlTemplate template = UrlTemplate.parse("http://tools.example.com");

        assertThat(template.isHttps()).isFalse();
        assertThat(template.expand(Map.of(), List.of())).hasToString("http://tools.example.com");
        assertThat(template.expand(Map.of(), List.of(Map.entry("ü", "ß"))))
                .hasToString("http://tools.example.com?%C3%BC=%C3%9F");
    }
}
