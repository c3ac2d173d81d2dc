/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.promptkit.context.ContextBudgetExceededException;
import dev.promptkit.context.Truncation;
import dev.promptkit.pack.Pack;
import dev.promptkit.pack.PackLoader;
import dev.promptkit.provider.mock.MockProvider;
import dev.promptkit.state.InMemoryStateStore;
import dev.promptkit.tokens.TokenCounter;
import dev.promptkit.tokens.TokenCounters;
import dev.promptkit.types.Message;
import dev.promptkit.types.Role;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** A token budget on whole conversations: what the provider is sent is cut, the stored history is not. */
class TokenBudgetConversationTests {

    private static final Pack PACK = PackLoader.load(Path.of("src/test/resources/sdk/assistant.pack.json"));
    private static final TokenCounter COUNTER = TokenCounters.forModel(MockProvider.DEFAULT_MODEL);
    /** The chat prompt's max_tokens, reserved for the answer. */
    private static final int RESERVE = 100;
    private static final int SYSTEM = COUNTER.count("You help Alice in English (friendly). Sign as Kit.")
            + TokenCounter.MESSAGE_OVERHEAD;
    /** What the unscripted mock provider always answers. */
    private static final String ANSWER = "Mock response from mock (mock-model)";

    private final InMemoryStateStore store = new InMemoryStateStore();
    private final RecordingProvider provider = new RecordingProvider(MockProvider.builder().build());

    private Conversation open(ConversationOptions.Builder budget) {
        return PromptKit.open(PACK, "chat", budget.provider(provider).stateStore(store).variable("user_name", "Alice")
                .build());
    }

    @Test
    void slidingSendsTheNewestMessagesThatFitAndStoresThemAll() {
        int available = tokens("second", ANSWER, "third");
        Conversation chat = open(ConversationOptions.builder().tokenBudget(RESERVE + SYSTEM + available));

        chat.send("first");
        chat.send("second");
        chat.send("third");

        assertThat(texts(provider.requests.get(1).messages())).containsExactly("first", ANSWER, "second");
        assertThat(texts(provider.requests.get(2).messages())).containsExactly("second", ANSWER, "third");
        assertThat(provider.lastRequest().system()).isEqualTo("You help Alice in English (friendly). Sign as Kit.");
        assertThat(texts(chat.messages())).containsExactly("first", ANSWER, "second", ANSWER, "third", ANSWER);
    }

    @Test
    void summarizeSendsASummaryInsteadOfTheOlderMessagesAndNeverStoresIt() {
        List<List<Message>> summarized = new CopyOnWriteArrayList<>();
        Conversation chat = open(ConversationOptions.builder().tokenBudget(RESERVE + SYSTEM + 30)
                .truncation(Truncation.SUMMARIZE)
                .context(context -> context.withSummarizer((messages, maxTokens) -> {
                    summarized.add(messages);
                    return Mono.just("Alice greeted; asked twice.");
                })));

        chat.send("first");
        chat.send("second");
        chat.send("third");

        assertThat(texts(provider.requests.get(1).messages())).containsExactly("first", ANSWER, "second");
        assertThat(summarized).singleElement().satisfies(messages -> assertThat(texts(messages))
                .containsExactly("first", ANSWER, "second", ANSWER));
        List<Message> sent = provider.lastRequest().messages();
        assertThat(sent).extracting(Message::role).containsExactly(Role.SYSTEM, Role.USER);
        assertThat(texts(sent)).containsExactly("[Summary of 4 earlier messages]: Alice greeted; asked twice.", "third");
        assertThat(chat.messages()).hasSize(6).noneMatch(message -> message.role() == Role.SYSTEM);
    }

    @Test
    void failRejectsTheTurnAndStoresNothing() {
        Conversation chat = open(ConversationOptions.builder().tokenBudget(RESERVE + SYSTEM + 16)
                .truncation(Truncation.FAIL));
        chat.send("first");

        assertThatThrownBy(() -> chat.send("second")).isInstanceOf(ContextBudgetExceededException.class)
                .hasMessageContaining("token budget is " + (RESERVE + SYSTEM + 16));

        assertThat(provider.requests).hasSize(1);
        assertThat(texts(chat.messages())).containsExactly("first", ANSWER);
    }

    @Test
    void withoutABudgetEverythingIsSent() {
        Conversation chat = open(ConversationOptions.builder());
        chat.send("first");
        chat.send("second");

        assertThat(texts(provider.lastRequest().messages())).containsExactly("first", ANSWER, "second");
    }

    @Test
    void relevanceNeedsAnEmbeddingProvider() {
        ConversationOptions.Builder options = ConversationOptions.builder().tokenBudget(1000)
                .truncation(Truncation.RELEVANCE);

        assertThatThrownBy(options::build).isInstanceOf(IllegalStateException.class)
                .hasMessage("Truncation RELEVANCE needs an embeddingProvider");
        assertThatThrownBy(() -> ConversationOptions.builder().tokenBudget(0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theBudgetOptionsSurviveToBuilder() {
        ConversationOptions options = ConversationOptions.builder().tokenBudget(500).truncation(Truncation.FAIL).build();

        ConversationOptions copy = options.toBuilder().build();

        assertThat(copy.context().tokenBudget()).isEqualTo(500);
        assertThat(copy.context().truncation()).isEqualTo(Truncation.FAIL);
        assertThat(copy.toString()).contains("tokenBudget=500, truncation=FAIL");
    }

    private static int tokens(String... texts) {
        int tokens = 0;
        for (String text : texts) {
            tokens += COUNTER.countInContext(Message.user(text));
        }
        return tokens;
    }

    private static List<String> texts(List<Message> messages) {
        return messages.stream().map(Message::text).toList();
    }
}
