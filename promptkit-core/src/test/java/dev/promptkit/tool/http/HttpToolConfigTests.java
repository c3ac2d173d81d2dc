/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpToolConfigTests {

    private static final String URL = "https://shop.example.com/api/orders/{order_id}";

    @Test
    void hasPromptKitsDefaults() {
        HttpToolConfig config = HttpToolConfig.builder(URL).build();

        assertThat(config.method()).isEqualTo("POST");
        assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.maxResponseBytes()).isEqualTo(1024 * 1024);
        assertThat(config.headers()).isEmpty();
        assertThat(config.redact()).isEmpty();
        assertThat(config.select()).isEmpty();
        assertThat(config.urlTemplate().variables()).containsExactly("order_id");
    }

    @Test
    void keepsEverySetting() {
        HttpToolConfig config = HttpToolConfig.builder(URL).method("get").header("Accept", "application/json")
                .headerFromEnv("Authorization", "SHOP_TOKEN", "Bearer ").timeout(Duration.ofSeconds(5))
                .redact("/customer/email", "token").select("/order").maxResponseBytes(4096).build();

        assertThat(config.method()).isEqualTo("GET");
        assertThat(config.headers()).containsExactly(Map.entry("Accept", "application/json"));
        assertThat(config.headersFromEnv())
                .containsExactly(new HttpToolConfig.EnvironmentHeader("Authorization", "SHOP_TOKEN", "Bearer "));
        assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.redact()).containsExactly("/customer/email", "token");
        assertThat(config.select()).contains("/order");
        assertThat(config.maxResponseBytes()).isEqualTo(4096);
    }

    @Test
    void toStringNamesHeadersButNeverShowsTheirValues() {
        HttpToolConfig config = HttpToolConfig.builder(URL).header("X-Api-Key", "static-secret-value")
                .headerFromEnv("Authorization", "SHOP_TOKEN", "Bearer ").build();

        assertThat(config.toString()).contains("X-Api-Key", "Authorization=$SHOP_TOKEN", URL)
                .doesNotContain("static-secret-value", "Bearer");
    }

    @Test
    void aTopLevelNameIsRedactedAsThatOneField() {
        HttpToolConfig config = HttpToolConfig.builder(URL).redact("a/b~c", "/a/b").build();

        assertThat(config.redactPointers()).extracting(Object::toString).containsExactly("/a~1b~0c", "/a/b");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ftp://shop.example.com/x                | it must start with http:// or https://",
        "/relative/{id}                          | it must start with http:// or https://",
        "http://{host}/x                         | it needs a fixed host",
        "http://user:pw@shop.example.com/x       | it must not hold user info",
        "http://shop.example.com/x#top           | it must not have a fragment",
        "http://shop.example.com/x?id={id}       | variables are only allowed in its path",
        "http://shop.example.com/x/{1id}         | a path variable must read {name}",
        "http://shop.example.com/x/{id           | a path variable must read {name}",
        "http://shop.example.com/a b             | Illegal character in path",
    })
    void refusesUrlsItCannotKeepRequestsOn(String url, String reason) {
        assertThatThrownBy(() -> HttpToolConfig.builder(url).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("'" + url + "' is not a usable tool URL: ")
                .hasMessageContaining(reason);
    }

    @Test
    void refusesSettingsThatCannotWork() {
        HttpToolConfig.Builder builder = HttpToolConfig.builder(URL);

        assertThatThrownBy(() -> builder.method("TRACE")).hasMessageContaining("method must be one of");
        assertThatThrownBy(() -> builder.timeout(Duration.ZERO)).hasMessage("timeout must be positive, not PT0S");
        assertThatThrownBy(() -> builder.maxResponseBytes(0)).hasMessage("maxResponseBytes must be positive, not 0");
        assertThatThrownBy(() -> builder.redact("")).hasMessage("redact needs a JSON pointer or a field name");
        assertThatThrownBy(() -> builder.header("Bad Name", "x")).hasMessage("'Bad Name' is not a valid header name");
        assertThatThrownBy(() -> builder.header("Host", "evil.example.com"))
                .hasMessage("header 'Host' is set by the HTTP client, not configured");
        assertThatThrownBy(() -> builder.header("X-Evil", "a\r\nHost: evil"))
                .hasMessage("the value of header 'X-Evil' holds a control character");
        builder.header("Authorization", "x");
        assertThatThrownBy(() -> builder.headerFromEnv("authorization", "TOKEN"))
                .hasMessage("header 'authorization' is configured twice");
        assertThatThrownBy(() -> HttpToolConfig.builder(URL).select("data").build())
                .hasMessage("select: 'data' is not a JSON pointer");
        assertThatThrownBy(() -> HttpToolConfig.builder(URL).select("").build())
                .hasMessage("select needs a pointer below the root, not ''");
    }
}
