/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.extensions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.promptkit.pack.Pack;
import dev.promptkit.pack.PackLoader;
import dev.promptkit.pipeline.StateVariables;
import dev.promptkit.pipeline.TimeVariables;
import dev.promptkit.pipeline.TurnRequest;
import dev.promptkit.provider.ForwardingProvider;
import dev.promptkit.provider.ProviderChunk;
import dev.promptkit.provider.ProviderRequest;
import dev.promptkit.provider.mock.MockProvider;
import dev.promptkit.sdk.Conversation;
import dev.promptkit.sdk.ConversationOptions;
import dev.promptkit.sdk.PromptKit;
import dev.promptkit.state.InMemoryStateStore;
import dev.promptkit.state.StateStore;
import dev.promptkit.state.redis.RedisStateStore;
import dev.promptkit.test.RealRedis;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link StateVariables}: metadata that something else writes into a stored conversation (another instance, a back
 * office job) fills the template on the next turn, in memory and on a real Redis.
 */
@ExtendWith(RealRedis.class)
class StateVariablesTests {

    private static final Pack PACK = PackLoader.load(Path.of("src/test/resources/extensions/assistant.pack.json"));
    private static final Clock A_FRIDAY = Clock.fixed(Instant.parse("2026-11-20T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void metadataWrittenBetweenTurnsFillsTheNextTurnInMemory() {
        assertMetadataWrittenBetweenTurnsFillsTheNextTurn(new InMemoryStateStore());
    }

    @Test
    void metadataWrittenBetweenTurnsFillsTheNextTurnOnRedis(LettuceConnectionFactory redis) {
        assertMetadataWrittenBetweenTurnsFillsTheNextTurn(new RedisStateStore(redis, JsonMapper.shared(),
                "state-variables-" + UUID.randomUUID(), RedisStateStore.DEFAULT_TTL));
    }

    @Test
    void onlyKeysWithThePrefixBecomeVariablesNamedWithOrWithoutIt() {
        StateStore store = new InMemoryStateStore();
        store.append("c1", List.of(), Map.of("user_tier", "gold", "user_", "nameless", "pack", "extensions",
                "var.region", "EU")).block();
        TurnRequest turn = new TurnRequest("c1", Map.of(), null);

        assertThat(new StateVariables(store, "user_", true).variables(turn).block()).containsExactly(
                Map.entry("tier", "gold"));
        assertThat(new StateVariables(store, "user_", false).variables(turn).block()).containsExactly(
                Map.entry("user_tier", "gold"));
        assertThat(new StateVariables(store, "", false).variables(turn).block()).containsOnlyKeys("user_tier",
                "user_", "pack", "var.region");
        assertThat(new StateVariables(store, "user_", true).variables(new TurnRequest("never-stored", Map.of(), null))
                .block()).isEmpty();
        assertThatThrownBy(() -> new StateVariables(store, null, true)).hasMessage("keyPrefix");
    }

    private static void assertMetadataWrittenBetweenTurnsFillsTheNextTurn(StateStore store) {
        List<ProviderRequest> requests = new CopyOnWriteArrayList<>();
        ForwardingProvider recording = new ForwardingProvider(MockProvider.builder().build()) {
            @Override
            public Flux<ProviderChunk> stream(ProviderRequest request) {
                requests.add(request);
                return super.stream(request);
            }
        };
        Conversation chat = PromptKit.open(PACK, "chat", ConversationOptions.builder().provider(recording)
                .stateStore(store).variable("region", "EU").variableProvider(new TimeVariables(A_FRIDAY))
                .variableProvider(new StateVariables(store, "shop_", true)).build());

        chat.send("hi");
        store.append(chat.id(), List.of(), Map.of("shop_region", "Atlantis")).block();
        chat.send("and now?");

        assertThat(requests).extracting(ProviderRequest::system).containsExactly("Today is Friday in EU.",
                "Today is Friday in Atlantis.");
        assertThat(store.load(chat.id()).block().messages()).hasSize(4);
    }
}
