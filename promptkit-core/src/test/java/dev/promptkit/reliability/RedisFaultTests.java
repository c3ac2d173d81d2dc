/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.promptkit.pack.Pack;
import dev.promptkit.pack.PackLoader;
import dev.promptkit.sdk.Conversation;
import dev.promptkit.sdk.ConversationOptions;
import dev.promptkit.sdk.PromptKit;
import dev.promptkit.provider.ProviderRequest;
import dev.promptkit.sdk.Response;
import dev.promptkit.state.ConversationConflictException;
import dev.promptkit.state.StateStoreException;
import dev.promptkit.state.StoreUnavailableException;
import dev.promptkit.state.redis.RedisStateStore;
import dev.promptkit.test.PrivateRedisServer;
import dev.promptkit.types.Message;
import dev.promptkit.types.Role;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * Conversations on a {@link RedisStateStore} while Redis goes away: a private {@code redis-server} that
 * these tests stop, restart and pause. A stop is graceful ({@code SHUTDOWN SAVE} into the server's private
 * directory), so a restart comes back with the data, as a persistent production Redis does; the clients see
 * their connections drop and come back. Each "application instance" is its own Lettuce connection factory
 * with a short command timeout (so an outage fails a turn in a second rather than Lettuce's default minute)
 * and a constant reconnect delay (so it is connected again soon after Redis is).
 */
class RedisFaultTests {

    private static final Pack PACK = PackLoader.load(Path.of("src/test/resources/tools/tools.pack.json"));
    private static final String PREFIX = "reliability";

    private static PrivateRedisServer redis;

    private final List<Runnable> cleanups = new ArrayList<>();

    @AfterAll
    static void killRedis() {
        if (redis != null) {
            redis.close();
        }
    }

    @BeforeEach
    void freshRedis() throws Exception {
        if (redis == null) {
            redis = PrivateRedisServer.startOrSkip(); // here, not in @BeforeAll, so each skipped test reports why
        }
        redis.start();
        assertThat(redis.command("FLUSHALL")).isEqualTo("+OK");
    }

    @AfterEach
    void disconnect() {
        cleanups.forEach(Runnable::run);
    }

    /** One application instance's connections to the private Redis. */
    private LettuceConnectionFactory connections() {
        ClientResources resources = ClientResources.builder().reconnectDelay(Delay.constant(Duration.ofMillis(50)))
                .build();
        LettuceConnectionFactory factory = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration(redis.host(), redis.port()),
                LettuceClientConfiguration.builder().clientResources(resources).commandTimeout(Duration.ofSeconds(2))
                        .build());
        factory.afterPropertiesSet();
        factory.start();
        cleanups.add(() -> {
            factory.destroy();
            resources.shutdown();
        });
        return factory;
    }

    private RedisStateStore store() {
        return new RedisStateStore(connections(), JsonMapper.shared(), PREFIX, Duration.ofMinutes(10));
    }

    private static ConversationOptions options(EchoProvider provider, RedisStateStore store, String id) {
        return ConversationOptions.builder().provider(provider).stateStore(store).conversationId(id).build();
    }

    private static List<String> transcript(List<Message> messages) {
        return messages.stream().map(m -> m.role() + ": " + m.text()).toList();
    }

    @Test
    void aSendWhileRedisIsDownFailsNamingTheOperationAndStoresNothing() {
        RedisStateStore store = store();
        EchoProvider provider = new EchoProvider();
        Conversation chat = PromptKit.open(PACK, "assistant", options(provider, store, "down-before"));
        chat.send("first");
        List<String> before = transcript(chat.messages());

        redis.stop();
        assertThatThrownBy(() -> chat.send("second")).isInstanceOf(StateStoreException.class)
                .hasMessageContaining("Redis state store could not load conversation 'down-before'");
        assertThat(provider.requests).as("the turn stopped before the provider").hasSize(1);
        redis.start();

        assertThat(transcript(chat.messages())).isEqualTo(before).containsExactly("USER: first", "ASSISTANT: echo: first");
        assertThat(transcript(store().load("down-before").block().messages())).as("as another instance sees it")
                .isEqualTo(before);
    }

    @Test
    void redisGoingDownInTheMiddleOfATurnFailsTheTurnAndLeavesNoHalfOfIt() {
        RedisStateStore store = store();
        EchoProvider provider = new EchoProvider();
        Conversation chat = PromptKit.open(PACK, "assistant", options(provider, store, "down-during"));
        chat.send("first");
        List<String> before = transcript(chat.messages());
        provider.beforeAnswer(request -> Mono.<Void>fromRunnable(redis::stop).subscribeOn(Schedulers.boundedElastic()));

        assertThatThrownBy(() -> chat.send("second")).isInstanceOf(StateStoreException.class)
                .hasMessageContaining("Redis state store could not append to conversation 'down-during'");
        assertThat(provider.requests).as("the provider was called (after the load) before Redis went").hasSize(2);
        provider.beforeAnswer(request -> Mono.empty());
        redis.start();

        assertThat(transcript(chat.messages())).isEqualTo(before);
        chat.send("third");
        assertThat(transcript(chat.messages())).containsExactly("USER: first", "ASSISTANT: echo: first",
                "USER: third", "ASSISTANT: echo: third");
    }

    @Test
    void afterARedisRestartBetweenTurnsTheConversationResumesWithItsWholeHistory() {
        RedisStateStore store = store();
        EchoProvider provider = new EchoProvider();
        try (Conversation chat = PromptKit.open(PACK, "assistant", options(provider, store, "restarted"))) {
            chat.send("one");
            chat.send("two");
        }

        redis.stop();
        redis.start();

        Conversation resumed = PromptKit.resume("restarted", PACK, "assistant", options(provider, store, "restarted"));
        resumed.send("three");

        assertThat(transcript(resumed.messages())).containsExactly("USER: one", "ASSISTANT: echo: one",
                "USER: two", "ASSISTANT: echo: two", "USER: three", "ASSISTANT: echo: three");
        assertThat(transcript(provider.requests.get(2).messages())).as("the model saw the history from before the restart")
                .containsExactly("USER: one", "ASSISTANT: echo: one", "USER: two", "ASSISTANT: echo: two",
                        "USER: three");
    }

    @Test
    void onLettucesDefaultsAnOutageFailsWithinTheStoreTimeOutAndTheStoreComesBackWithRedis() throws Exception {
        LettuceConnectionFactory defaults = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration(redis.host(), redis.port()));
        defaults.afterPropertiesSet();
        defaults.start();
        cleanups.add(defaults::destroy);
        RedisStateStore store = new RedisStateStore(defaults, JsonMapper.shared(), PREFIX, Duration.ofMinutes(10),
                Duration.ofMillis(500));
        EchoProvider provider = new EchoProvider();
        Conversation chat = PromptKit.open(PACK, "assistant", options(provider, store, "defaults"));
        chat.send("one");

        // a Redis that hangs: connected, but silent for far longer than the store waits
        assertThat(redis.command("CLIENT PAUSE 4000 ALL")).isEqualTo("+OK");
        long started = System.nanoTime();
        assertThatThrownBy(() -> chat.send("two")).isInstanceOf(StoreUnavailableException.class)
                .hasMessage("Redis state store could not load conversation 'defaults': Redis did not answer within"
                        + " 500 ms");
        Thread.sleep(Math.max(0, Duration.ofSeconds(4).minusNanos(System.nanoTime() - started).toMillis()));

        redis.stop();
        assertThatThrownBy(() -> chat.send("three")).isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("Redis state store could not load conversation 'defaults'");
        redis.start();

        await(() -> chat.sendAsync("four").map(Response::text).onErrorResume(StoreUnavailableException.class,
                down -> Mono.empty()).block());
        assertThat(transcript(chat.messages())).containsExactly("USER: one", "ASSISTANT: echo: one", "USER: four",
                "ASSISTANT: echo: four");
    }

    /** Calls {@code attempt} until it returns something (Redis is back and Lettuce reconnected), for up to 30 s. */
    private static void await(java.util.function.Supplier<Object> attempt) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (attempt.get() == null) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the store did not come back within 30 s after Redis did");
            }
            Thread.sleep(100);
        }
    }

    @Test
    void aTurnDuringAClientPauseWaitsForRedisAndIsStoredWhole() throws Exception {
        RedisStateStore store = store();
        EchoProvider provider = new EchoProvider();
        Conversation chat = PromptKit.open(PACK, "assistant", options(provider, store, "paused"));
        chat.send("one");

        // Redis stops answering (as during a failover) but keeps its data and the connections
        assertThat(redis.command("CLIENT PAUSE 300 ALL")).isEqualTo("+OK");
        chat.send("two");

        assertThat(transcript(chat.messages())).containsExactly("USER: one", "ASSISTANT: echo: one",
                "USER: two", "ASSISTANT: echo: two");
    }

    @Test
    void twoInstancesSendingToOneConversationAtOnceStoreEachTurnWholeOnTheHistoryItWasAnsweredOn() {
        EchoProvider provider = new EchoProvider();
        RedisStateStore first = store();
        RedisStateStore second = store();
        Conversation onFirst = PromptKit.open(PACK, "assistant", options(provider, first, "shared"));
        onFirst.send("opening");
        Conversation onSecond = PromptKit.resume("shared", PACK, "assistant", options(provider, second, "shared"));
        AtomicInteger succeeded = new AtomicInteger(1);
        AtomicInteger conflicts = new AtomicInteger();
        int perInstance = 30;

        Flux.range(0, perInstance * 2)
                .flatMap(i -> (i % 2 == 0 ? onFirst : onSecond).sendAsync((i % 2 == 0 ? "first-" : "second-") + i)
                        .doOnNext(response -> succeeded.incrementAndGet())
                        .onErrorResume(ConversationConflictException.class, conflict -> {
                            conflicts.incrementAndGet();
                            return Mono.empty();
                        })
                        .subscribeOn(Schedulers.parallel()), 64)
                .blockLast(Duration.ofSeconds(30));

        List<Message> stored = store().load("shared").block().messages();
        assertThat(succeeded.get() + conflicts.get()).as("every send either stored or refused").isEqualTo(
                1 + perInstance * 2);
        assertThat(stored).hasSize(2 * succeeded.get());
        Set<String> users = new HashSet<>();
        for (int i = 0; i < stored.size(); i += 2) {
            Message user = stored.get(i);
            Message answer = stored.get(i + 1);
            assertThat(user.role()).as("message %d", i).isEqualTo(Role.USER);
            assertThat(answer.role()).as("message %d", i + 1).isEqualTo(Role.ASSISTANT);
            assertThat(answer.text()).as("turn %d is contiguous", i / 2).isEqualTo(EchoProvider.answerTo(user.text()));
            assertThat(users.add(user.text())).as("turn '%s' stored once", user.text()).isTrue();
            ProviderRequest answeredOn = provider.requests.stream()
                    .filter(request -> request.messages().get(request.messages().size() - 1).text().equals(user.text()))
                    .findFirst().orElseThrow();
            assertThat(transcript(answeredOn.messages())).as("turn %d was answered on the whole stored history", i / 2)
                    .isEqualTo(transcript(stored.subList(0, i + 1)));
        }
    }
}
