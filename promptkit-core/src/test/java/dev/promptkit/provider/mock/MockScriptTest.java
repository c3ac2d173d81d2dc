/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.mock;

import static dev.promptkit.provider.mock.Requests.conversation;
import static dev.promptkit.provider.mock.Requests.scenarioTurn;
import static dev.promptkit.provider.mock.Requests.withMetadata;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.promptkit.provider.ProviderRequest;
import dev.promptkit.provider.mock.MockTurn.Type;
import dev.promptkit.types.ContentPart;
import dev.promptkit.types.Message;
import dev.promptkit.types.ToolCall;
import dev.promptkit.types.ToolResult;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

class MockScriptTest {

    private static Optional<String> answer(MockScript script, ProviderRequest request) {
        return script.find(request).map(MockTurn::responseText);
    }

    @Nested
    class LookupOrder {

        private final MockScript script = MockScript.parse("""
                defaultResponse: global default
                scenarios:
                  support:
                    defaultResponse: support default
                    turns:
                      1: support turn 1
                      3: support turn 3
                  no-default:
                    turns:
                      2: no-default turn 2
                rules:
                  - match: refund
                    response: refund rule
                  - match: "refund|order"
                    response: order rule
                turns:
                  - top-level turn 1
                  - top-level turn 2
                """);

        @Test
        void scenarioTurnComesFirst() {
            assertThat(answer(script, scenarioTurn("support", 1, "I want a refund"))).contains("support turn 1");
            assertThat(answer(script, scenarioTurn("support", 3, "I want a refund"))).contains("support turn 3");
        }

        @Test
        void scenarioDefaultWhenTheScenarioHasNoSuchTurn() {
            assertThat(answer(script, scenarioTurn("support", 2, "I want a refund"))).contains("support default");
        }

        @Test
        void ruleWhenTheScenarioHasNeitherTheTurnNorADefault() {
            assertThat(answer(script, scenarioTurn("no-default", 1, "I want a refund"))).contains("refund rule");
            assertThat(answer(script, scenarioTurn("no-default", 2, "I want a refund")))
                    .contains("no-default turn 2");
        }

        @Test
        void unknownScenarioFallsThroughToTheRules() {
            assertThat(answer(script, scenarioTurn("billing", 1, "refund please"))).contains("refund rule");
        }

        @Test
        void topLevelTurnWhenNoRuleMatches() {
            assertThat(answer(script, scenarioTurn("billing", 2, "hello"))).contains("top-level turn 2");
            assertThat(answer(script, conversation(Message.user("hello")))).contains("top-level turn 1");
        }

        @Test
        void globalDefaultWhenThereIsNoTopLevelTurn() {
            assertThat(answer(script, scenarioTurn("billing", 3, "hello"))).contains("global default");
        }

        @Test
        void nothingWhenNoStepApplies() {
            MockScript turnsOnly = MockScript.parse("turns: [only turn 1]");

            assertThat(turnsOnly.find(scenarioTurn("any", 2, "hello"))).isEmpty();
            assertThat(MockScript.EMPTY.find(conversation(Message.user("hello")))).isEmpty();
        }

        @Test
        void anEmptyDefaultResponseCountsAsNoneAsInGo() {
            MockScript script = MockScript.parse("""
                    defaultResponse: ""
                    scenarios:
                      quiet:
                        defaultResponse: ""
                    """);

            assertThat(script.find(scenarioTurn("quiet", 1, "hello"))).isEmpty();
        }
    }

    @Nested
    class Rules {

        private final MockScript script = MockScript.parse("""
                rules:
                  - match: "\\\\b(refund|money back)\\\\b"
                    response: refund rule
                  - match: "order|parcel"
                    response: order rule
                  - match: "^hi$"
                    response: greeting rule
                turns: [first turn, second turn]
                """);

        @Test
        void afterToolResultsARuleAnswersWithItsAfterToolsReplyOrStandsAside() {
            MockScript tools = MockScript.parse("""
                    rules:
                      - match: weather
                        response: {tool_calls: [{name: get_weather, arguments: {city: Paris}}]}
                        after_tools: It is sunny.
                      - match: time
                        response: {tool_calls: [{name: get_time, arguments: {}}]}
                    defaultResponse: fallback
                    """);
            dev.promptkit.types.ToolCall call = dev.promptkit.types.ToolCall.of("c1", "get_weather", Map.of());
            Message asked = Message.assistant(null, List.of(call));
            Message result = Message.tool(dev.promptkit.types.ToolResult.success("c1", "get_weather", "sunny", 1));

            assertThat(tools.find(conversation(Message.user("weather?"))).orElseThrow().toolCalls()).hasSize(1);
            assertThat(answer(tools, conversation(Message.user("weather?"), asked, result))).contains("It is sunny.");
            assertThat(answer(tools, conversation(Message.user("time?"), asked, result))).contains("fallback");
        }

        @Test
        void afterToolsBranchesOnTheOutcomeAndTheContentOfTheRoundsToolResults() {
            MockScript refunds = MockScript.parse("""
                    rules:
                      - match: refund
                        response: {tool_calls: [{name: process_refund, arguments: {amount: 250}}]}
                        after_tools:
                          - when: {tool: process_refund, outcome: rejected}
                            response: Nothing was refunded.
                          - when: {outcome: error}
                            response: The refund failed.
                          - when: {tool: process_refund, result: '"status":"refunded"'}
                            response: Refunded.
                      - match: refund
                        after_tools: no branch held
                        response: unused
                    """);
            Message asked = Message.assistant(null, List.of(ToolCall.of("c1", "process_refund", Map.of())));
            Message user = Message.user("a big refund please");

            assertThat(answer(refunds, conversation(user, asked,
                    Message.tool(ToolResult.rejected("c1", "process_refund", "too much"))))).contains("Nothing was refunded.");
            assertThat(answer(refunds, conversation(user, asked,
                    Message.tool(ToolResult.failure("c1", "process_refund", "bank down", 3))))).contains("The refund failed.");
            assertThat(answer(refunds, conversation(user, asked,
                    Message.tool(ToolResult.success("c1", "process_refund", "{\"status\":\"REFUNDED\"}", 3)))))
                    .as("the result pattern ignores case").contains("Refunded.");
            assertThat(answer(refunds, conversation(user, asked,
                    Message.tool(ToolResult.success("c1", "process_refund", "{\"status\":\"queued\"}", 3)))))
                    .as("no branch of the first rule holds: the next rule answers").contains("no branch held");
        }

        @Test
        void aBranchHoldsWhenAnyResultOfTheLatestRoundMeetsItAndEarlierRoundsDoNotCount() {
            MockScript script = MockScript.parse("""
                    rules:
                      - match: both
                        response: asks
                        after_tools:
                          - when: {tool: get_time, outcome: success}
                            response: time known
                          - response: otherwise
                    """);
            Message user = Message.user("both please");
            Message askedBoth = Message.assistant(null, List.of(ToolCall.of("a", "get_weather", Map.of()),
                    ToolCall.of("b", "get_time", Map.of())));
            Message weather = Message.tool(ToolResult.success("a", "get_weather", "sunny", 1));
            Message time = Message.tool(ToolResult.success("b", "get_time", "noon", 1));
            Message askedAgain = Message.assistant(null, List.of(ToolCall.of("c", "get_weather", Map.of())));

            assertThat(answer(script, conversation(user, askedBoth, weather, time))).contains("time known");
            assertThat(answer(script, conversation(user, askedBoth, weather, time, askedAgain, weather)))
                    .contains("otherwise");
        }

        @Test
        void firstMatchingRuleWins() {
            assertThat(answer(script, conversation(Message.user("My order never came, I want my money back"))))
                    .contains("refund rule");
            assertThat(answer(script, conversation(Message.user("Where is my parcel?")))).contains("order rule");
        }

        @Test
        void matchesAnywhereInTheTextAndIgnoresCase() {
            assertThat(answer(script, conversation(Message.user("Can I get a REFUND?")))).contains("refund rule");
            assertThat(answer(script, conversation(Message.user("refunding")))).contains("first turn");
            assertThat(answer(script, conversation(Message.user("Hi")))).contains("greeting rule");
        }

        @Test
        void matchesOnlyTheLatestUserMessage() {
            ProviderRequest request = conversation(Message.user("I want a refund"),
                    Message.assistant("Sure. Could you tell me your account email?"),
                    Message.user("It is jo@example.com"));

            assertThat(answer(script, request)).contains("second turn");
        }

        @Test
        void needAUserMessageToMatch() {
            assertThat(answer(script, conversation(Message.system("refund")))).contains("first turn");
        }
    }

    @Nested
    class TurnNumbers {

        private final MockScript script = MockScript.parse("turns: [turn 1, turn 2, turn 3, turn 4]");

        @Test
        void theNthCallOfAConversationGetsTurnN() {
            assertThat(answer(script, conversation(Message.user("a")))).contains("turn 1");
            assertThat(answer(script, conversation(Message.user("a"), Message.assistant("b"), Message.user("c"))))
                    .contains("turn 2");
        }

        @Test
        void aToolContinuationGetsTheNextTurn() {
            ToolCall call = ToolCall.of("call_0_get_weather", "get_weather", Map.of("city", "Paris"));
            ProviderRequest continuation = conversation(Message.user("Weather in Paris?"),
                    Message.assistant("", List.of(call)),
                    Message.tool(ToolResult.success(call.id(), call.name(), "{\"temp_c\":18}", 5)));

            assertThat(answer(script, continuation)).contains("turn 2");
        }

        @Test
        void metadataTurnNumberWinsOverTheCount() {
            Message[] twoRounds = {Message.user("a"), Message.assistant("b"), Message.user("c")};

            assertThat(answer(script, withMetadata(Map.of("mock_turn_number", 4), twoRounds))).contains("turn 4");
            assertThat(answer(script, withMetadata(Map.of("mock_turn_number", 3L), twoRounds))).contains("turn 3");
            assertThat(answer(script, withMetadata(Map.of("mock_turn_number", " 1 "), twoRounds)))
                    .contains("turn 1");
        }

        @Test
        void aTurnNumberThatIsNotANumberIsRejected() {
            ProviderRequest request = withMetadata(Map.of("mock_turn_number", "second"), Message.user("a"));

            assertThatIllegalArgumentException().isThrownBy(() -> script.find(request))
                    .withMessage("request metadata 'mock_turn_number' must be a whole number, got 'second'");
        }
    }

    @Nested
    class TurnShapes {

        @Test
        void topLevelTurnsMayBeAMappingKeyedByNumber() {
            MockScript script = MockScript.parse("""
                    turns:
                      1: first
                      3: third
                    """);

            assertThat(answer(script, withMetadata(Map.of("mock_turn_number", 3), Message.user("x"))))
                    .contains("third");
            assertThat(answer(script, withMetadata(Map.of("mock_turn_number", 2), Message.user("x")))).isEmpty();
        }

        @Test
        void scenarioTurnsMayBeAList() {
            MockScript script = MockScript.parse("""
                    scenarios:
                      onboarding:
                        turns: [welcome, next step]
                    """);

            assertThat(answer(script, scenarioTurn("onboarding", 2, "ok"))).contains("next step");
        }

        @Test
        void contentMayBeCalledTextOrResponseAndContentWins() {
            MockScript script = MockScript.parse("""
                    turns:
                      - {text: from text}
                      - {response: from response}
                      - {content: from content, text: ignored, response: ignored}
                      - {type: text}
                    """);

            assertThat(answer(script, turn(1))).contains("from text");
            assertThat(answer(script, turn(2))).contains("from response");
            assertThat(answer(script, turn(3))).contains("from content");
            assertThat(answer(script, turn(4))).contains("");
        }

        @Test
        void toolCallTurnsKeepNamesAndArgumentsInOrder() {
            MockScript script = MockScript.parse("""
                    turns:
                      - content: Let me look that up.
                        tool_calls:
                          - name: lookup_order
                            arguments: {order_id: A-1042, include_items: true, limit: 2}
                          - name: list_stores
                    """);

            MockTurn turn = script.find(turn(1)).orElseThrow();

            assertThat(turn.type()).isEqualTo(Type.TOOL_CALLS);
            assertThat(turn.responseText()).isEqualTo("Let me look that up.");
            assertThat(turn.toolCalls()).extracting(MockToolCall::name).containsExactly("lookup_order", "list_stores");
            ToolCall first = turn.toolCalls().get(0).toToolCall(0);
            assertThat(first.id()).isEqualTo("call_0_lookup_order");
            assertThat(first.argumentsJson()).isEqualTo("{\"order_id\":\"A-1042\",\"include_items\":true,\"limit\":2}");
            assertThat(turn.toolCalls().get(1).toToolCall(1).argumentsJson()).isEqualTo("{}");
        }

        @Test
        void aTextTypeWithToolCallsBecomesToolCallsAsInGo() {
            MockScript script = MockScript.parse("""
                    turns:
                      - type: text
                        tool_calls: [{name: ping}]
                    """);

            assertThat(script.find(turn(1)).orElseThrow().type()).isEqualTo(Type.TOOL_CALLS);
        }

        @Test
        void toolCallArgumentsCannotBeChangedThroughTheTurn() {
            MockScript script = MockScript.parse("turns: [{tool_calls: [{name: ping, arguments: {n: 1}}]}]");
            MockToolCall call = script.find(turn(1)).orElseThrow().toolCalls().get(0);

            call.arguments().put("n", 2);
            ((ObjectNode) call.toToolCall(0).args()).put("extra", true);

            assertThat(call.toToolCall(0).argumentsJson()).isEqualTo("{\"n\":1}");
        }

        @Test
        void multimodalTurnsStreamTheirTextParts() {
            MockScript script = MockScript.parse("""
                    turns:
                      - type: multimodal
                        parts:
                          - {type: text, text: "Here is the chart. "}
                          - type: image
                            image_url: {url: "mock://charts/sales-q3.png", detail: high}
                          - {type: audio, audio_url: {url: "https://cdn.example.com/summary.mp3"}}
                          - {type: document, document_url: {url: "data:application/pdf;base64,JVBERi0x"}}
                          - {type: video, video_url: {url: "clips/demo"}}
                          - {type: text, text: "Sales grew 12%."}
                    """);

            MockTurn turn = script.find(turn(1)).orElseThrow();

            assertThat(turn.type()).isEqualTo(Type.MULTIMODAL);
            assertThat(turn.responseText()).isEqualTo("Here is the chart. Sales grew 12%.");
            assertThat(turn.parts()).extracting(ContentPart::type).containsExactly(ContentPart.Type.TEXT,
                    ContentPart.Type.IMAGE, ContentPart.Type.AUDIO, ContentPart.Type.DOCUMENT,
                    ContentPart.Type.VIDEO, ContentPart.Type.TEXT);
            assertThat(turn.parts().get(1).media().url()).isEqualTo("mock://charts/sales-q3.png");
            assertThat(turn.parts().get(1).media().mimeType()).isEqualTo("image/png");
            assertThat(turn.parts().get(1).media().detail()).isEqualTo("high");
            assertThat(turn.parts().get(2).media().mimeType()).isEqualTo("audio/mpeg");
            assertThat(turn.parts().get(3).media().mimeType()).isEqualTo("application/pdf");
            assertThat(turn.parts().get(4).media().mimeType()).isEqualTo("application/octet-stream");
        }

        @Test
        void partsWithoutATypeMakeAMultimodalTurn() {
            MockScript script = MockScript.parse("turns: [{parts: [{type: text, text: hi}]}]");

            assertThat(script.find(turn(1)).orElseThrow().type()).isEqualTo(Type.MULTIMODAL);
        }

        @Test
        void goOnlyKeysAreAcceptedAndIgnored() {
            MockScript script = MockScript.parse("""
                    selfplay:
                      shopper: {defaultResponse: "I need help"}
                    scenarios:
                      voice:
                        steps: {greet: hello}
                        turns:
                          1:
                            content: spoken answer
                            audio_file: greeting.pcm
                            audio_sample_rate: 24000
                            audio_mime_type: audio/pcm
                    """);

            assertThat(answer(script, scenarioTurn("voice", 1, "hi"))).contains("spoken answer");
        }

        @Test
        void numbersAndBooleansInTextFieldsAreTheirTextAsInGo() {
            MockScript script = MockScript.parse("""
                    defaultResponse: 42
                    turns:
                      - {content: true}
                    """);

            assertThat(answer(script, turn(1))).contains("true");
            assertThat(answer(script, turn(2))).contains("42");
        }

        @Test
        void anEmptyDocumentIsAnEmptyScript() {
            assertThat(MockScript.parse("").find(turn(1))).isEmpty();
            assertThat(MockScript.parse("# nothing scripted yet\n").find(turn(1))).isEmpty();
        }

        private ProviderRequest turn(int number) {
            return withMetadata(Map.of("mock_turn_number", number), Message.user("x"));
        }
    }

    @Nested
    class Sources {

        private static final String RESOURCE = "mock/assistant.mock.yaml";

        @Test
        void readsAClasspathResourceWithOrWithoutALeadingSlash() {
            assertThat(answer(MockScript.fromClasspath(RESOURCE), conversation(Message.user("hi"))))
                    .contains("Hello! I can check the weather for you. Which city?");
            assertThat(answer(MockScript.fromClasspath("/" + RESOURCE), conversation(Message.user("a refund?"))))
                    .contains("I can help with refunds. What is your order number?");
        }

        @Test
        void readsAFile(@TempDir Path dir) throws Exception {
            Path file = Files.writeString(dir.resolve("mock.yaml"), "defaultResponse: \"Bonjour \u00e0 tous\"\n",
                    StandardCharsets.UTF_8);

            assertThat(answer(MockScript.load(file), conversation(Message.user("hi")))).contains("Bonjour \u00e0 tous");
        }

        @Test
        void readsAStream() {
            InputStream yaml = new ByteArrayInputStream("turns: [streamed]".getBytes(StandardCharsets.UTF_8));

            assertThat(answer(MockScript.load(yaml, "in-memory"), conversation(Message.user("hi"))))
                    .contains("streamed");
        }
    }
}
