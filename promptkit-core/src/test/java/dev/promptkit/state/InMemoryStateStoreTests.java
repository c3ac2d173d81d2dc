/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.promptkit.types.Message;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InMemoryStateStoreTests {

    private final MovableClock clock = new MovableClock();
    private final InMemoryStateStore store = new InMemoryStateStore(Duration.ofMinutes(10), 3, clock);

    @Test
    void appendCreatesThenExtendsAConversationAndMergesMetadata() {
        store.append("c1", List.of(Message.user("hi"), Message.assistant("hello")), Map.of("var.a", "1")).block();
        store.append("c1", List.of(Message.user("again")), Map.of("var.b", "2")).block();

        ConversationState state = store.load("c1").block();
        assertThat(state.messages()).extracting(Message::text).containsExactly("hi", "hello", "again");
        assertThat(state.metadata()).containsEntry("var.a", "1").containsEntry("var.b", "2");
    }

    @Test
    void loadOfAnUnknownConversationIsEmpty() {
        assertThat(store.load("nope").blockOptional()).isEmpty();
    }

    @Test
    void conversationsExpireAfterTheTtlSinceTheirLastAccess() {
        store.append("c1", List.of(Message.user("hi")), Map.of()).block();
        clock.advance(Duration.ofMinutes(9));
        assertThat(store.load("c1").blockOptional()).isPresent();
        clock.advance(Duration.ofMinutes(9));
        assertThat(store.load("c1").blockOptional()).as("the read 9 minutes ago restarted the TTL").isPresent();
        clock.advance(Duration.ofMinutes(11));
        assertThat(store.load("c1").blockOptional()).isEmpty();
    }

    @Test
    void theLeastRecentlyUsedConversationIsEvictedBeyondTheBound() {
        for (String id : List.of("a", "b", "c")) {
            store.append(id, List.of(Message.user(id)), Map.of()).block();
        }
        store.load("a").block();
        store.append("d", List.of(Message.user("d")), Map.of()).block();

        assertThat(store.size()).isEqualTo(3);
        assertThat(store.load("b").blockOptional()).as("b was the least recently used").isEmpty();
        assertThat(store.load("a").blockOptional()).isPresent();
    }

    @Test
    void forkCopiesHistoryAndLaterAppendsStayApart() {
        store.append("src", List.of(Message.user("shared")), Map.of("var.x", "1")).block();

        assertThat(store.fork("src", "branch").block()).isTrue();
        store.append("branch", List.of(Message.user("only in branch")), Map.of()).block();

        assertThat(store.load("src").block().messages()).extracting(Message::text).containsExactly("shared");
        assertThat(store.load("branch").block().messages()).extracting(Message::text)
                .containsExactly("shared", "only in branch");
        assertThat(store.load("branch").block().metadata()).containsEntry("var.x", "1");
    }

    @Test
    void forkOfAnUnknownConversationWritesNothing() {
        assertThat(store.fork("missing", "branch").block()).isFalse();
        assertThat(store.load("branch").blockOptional()).isEmpty();
    }

    @Test
    void saveReplacesAndDeleteRemoves() {
        store.append("c1", List.of(Message.user("old")), Map.of()).block();
        store.save(new ConversationState("c1", List.of(), Map.of("var.k", "v"), Instant.now())).block();
        assertThat(store.load("c1").block().messages()).isEmpty();

        assertThat(store.delete("c1").block()).isTrue();
        assertThat(store.delete("c1").block()).isFalse();
    }

    @Test
    void theVersionCountsHistoryWritesAndAStaleAppendWritesNothing() {
        InMemoryStateStore store = new InMemoryStateStore();
        store.append("v", List.of(Message.user("hi"), Message.assistant("hello")), Map.of("var.a", "1"), 0).block();
        store.append("v", List.of(), Map.of("var.a", "2"), 1).block();
        assertThat(store.load("v").block().version()).as("metadata alone is no new version").isEqualTo(1);

        assertThatThrownBy(() -> store.append("v", List.of(Message.user("late")), Map.of("var.a", "3"), 0).block())
                .isInstanceOf(ConversationConflictException.class).hasMessageContaining("'v'");
        assertThat(store.load("v").block()).satisfies(state -> {
            assertThat(state.messages()).extracting(Message::text).containsExactly("hi", "hello");
            assertThat(state.metadata()).containsEntry("var.a", "2");
        });

        store.append("v", List.of(Message.user("any")), Map.of(), StateStore.ANY_VERSION).block();
        assertThat(store.load("v").block().version()).isEqualTo(2);
        store.save(new ConversationState("v", List.of(), Map.of(), Instant.now())).block();
        assertThat(store.load("v").block().version()).as("a save is a new version").isEqualTo(3);
        store.fork("v", "v-branch").block();
        store.fork("v", "v-branch").block();
        assertThat(store.load("v-branch").block().version()).as("each fork onto it is a new version").isEqualTo(2);
    }

    @Test
    void rejectsANonPositiveBound() {
        assertThatThrownBy(() -> new InMemoryStateStore(Duration.ZERO, 0, clock))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxConversations");
    }

    static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
