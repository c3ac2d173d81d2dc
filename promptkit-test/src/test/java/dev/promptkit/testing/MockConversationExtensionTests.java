/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.promptkit.pack.Pack;
import dev.promptkit.pack.PackLoader;
import dev.promptkit.provider.mock.MockProvider;
import dev.promptkit.sdk.Conversation;
import dev.promptkit.sdk.ConversationOptions;
import dev.promptkit.sdk.PromptKit;
import dev.promptkit.sdk.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

@MockConversation(pack = "packs/shop.pack.json", prompt = "desk", script = "desk-script.yaml",
        variables = "company=Globex")
class MockConversationExtensionTests {

    @Test
    void opensAConversationOnThePromptAnsweredByTheScript(Conversation conversation) {
        conversation.onTool("lookup_order", args -> "{\"status\":\"shipped\"}");

        Response answer = conversation.send("Where is my order?");

        assertThat(conversation.promptName()).isEqualTo("desk");
        assertThat(answer.text()).isEqualTo("Order A-1 arrives on Thursday.");
        assertThat(answer.toolCalls()).singleElement().satisfies(call -> assertThat(call.name()).isEqualTo("lookup_order"));
        assertThat(answer.toolResults()).singleElement()
                .satisfies(result -> assertThat(result.content()).isEqualTo("{\"status\":\"shipped\"}"));
    }

    @Test
    void setsTheAnnotationsVariables(Conversation conversation) {
        assertThat(conversation.getVar("company")).isEqualTo("Globex");
    }

    @Test
    void givesTheTestTheScriptedMockThatAnswersItsConversation(Conversation conversation, MockProvider mock) {
        Pack pack = PackLoader.loadResource("packs/shop.pack.json");
        try (Conversation another = PromptKit.open(pack, "desk", ConversationOptions.builder().provider(mock).build())) {
            assertThat(another.send("Hi").text()).isEqualTo("How can I help?");
        }
        assertThat(conversation.send("Hi").text()).isEqualTo("How can I help?");
    }

    @Test
    @MockConversation(pack = "packs/shop.pack.json", prompt = "desk", script = "other-script.yaml")
    void takesTheMethodsAnnotationOverTheClasses(Conversation conversation) {
        assertThat(conversation.send("Where is my order?").text()).isEqualTo("Answered by the method's script.");
        assertThat(conversation.getVar("company")).as("the class's variables are not set").isNull();
    }

    @Test
    void closesEachTestsConversationAfterItAndOpensAFreshOneForTheNext() {
        Events tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(TwoTurns.class)).execute()
                .testEvents();

        assertThat(tests.succeeded().count()).isEqualTo(2);
        assertThat(TwoTurns.seen).hasSize(2).allSatisfy(conversation -> assertThat(conversation.isClosed()).isTrue());
        assertThat(TwoTurns.seen.get(0).id()).isNotEqualTo(TwoTurns.seen.get(1).id());
    }

    @Test
    void failsATestWithoutTheAnnotationSayingWhatIsMissing() {
        assertTheTestFailsSaying(NoAnnotation.class, "needs @MockConversation(pack, prompt)");
    }

    @Test
    void failsATestWhosePackIsMissingNamingThePack() {
        assertTheTestFailsSaying(MissingPack.class, "classpath:packs/nowhere.pack.json");
    }

    @Test
    void failsATestWithAVariableThatIsNotNameEqualsValue() {
        assertTheTestFailsSaying(BadVariable.class, "name=value entries, got \"company\"");
    }

    private static void assertTheTestFailsSaying(Class<?> fixture, String messagePart) {
        Events tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture)).execute().testEvents();

        tests.assertThatEvents().haveExactly(1, event(test("needsAConversation"),
                finishedWithFailure(message(m -> m.contains(messagePart)))));
    }

    @Nested
    class InANestedClass {

        @Test
        void takesTheAnnotationOfTheClassItSitsIn(Conversation conversation) {
            assertThat(conversation.getVar("company")).isEqualTo("Globex");
            assertThat(conversation.send("Hello").text()).isEqualTo("How can I help?");
        }
    }

    @MockConversation(pack = "packs/shop.pack.json", prompt = "desk", script = "desk-script.yaml")
    static class TwoTurns {

        static final List<Conversation> seen = new ArrayList<>();

        @Test
        void first(Conversation conversation) {
            conversation.send("Hello");
            seen.add(conversation);
        }

        @Test
        void second(Conversation conversation) {
            assertThat(conversation.messages()).isEmpty();
            seen.add(conversation);
        }
    }

    @ExtendWith(MockConversationExtension.class)
    static class NoAnnotation {

        @Test
        void needsAConversation(Conversation conversation) {
            conversation.send("Hello");
        }
    }

    @MockConversation(pack = "packs/nowhere.pack.json", prompt = "desk")
    static class MissingPack {

        @Test
        void needsAConversation(Conversation conversation) {
            conversation.send("Hello");
        }
    }

    @MockConversation(pack = "packs/shop.pack.json", prompt = "desk", variables = "company")
    static class BadVariable {

        @Test
        void needsAConversation(Conversation conversation) {
            conversation.send("Hello");
        }
    }
}
