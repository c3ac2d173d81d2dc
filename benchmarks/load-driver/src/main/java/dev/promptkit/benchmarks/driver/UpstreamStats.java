/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.benchmarks.driver;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.JsonNode;

/** The mock upstream's {@code /stats} around a measured run: what it counted while the requests ran. */
final class UpstreamStats {

    private UpstreamStats() {
    }

    /** The upstream's {@code /stats}, read on a connection of its own (closed after), so that it counts as idle nowhere. */
    static JsonNode read(String url) {
        String body = HttpClient.create().keepAlive(false).get().uri(url).responseContent().aggregate().asString()
                .block(Duration.ofSeconds(10));
        return LoadDriver.JSON.readTree(body);
    }

    /** What the counters of {@code before} grew by in {@code after}; other members (gauges) as they are after. */
    static Map<String, Object> difference(JsonNode before, JsonNode after) {
        Map<String, Object> out = new LinkedHashMap<>();
        after.properties().forEach(member -> {
            JsonNode value = member.getValue();
            out.put(member.getKey(), value.isIntegralNumber()
                    ? (Object) (value.asLong() - before.path(member.getKey()).asLong()) : value);
        });
        return out;
    }
}
