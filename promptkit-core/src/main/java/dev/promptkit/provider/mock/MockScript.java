/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.mock;

import dev.promptkit.provider.ProviderRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The scripted answers of a {@link MockProvider}, read from YAML. Immutable and thread-safe.
 *
 * <p>The format is a superset of the Go original's {@code mock-responses.yaml}, so its files load unchanged:
 *
 * <pre>{@code
 * defaultResponse: "Sorry, I have no scripted answer for that."   # global fallback
 *
 * turns:                          # scenario-less turns: a list (turn 1 first) or a mapping {1: ..., 2: ...}
 *   - "Hello! How can I help you today?"
 *   - type: tool_calls            # text | tool_calls | multimodal; tool_calls is implied by a tool_calls list
 *     content: "Let me check the weather."     # aliases: text, response (legacy)
 *     tool_calls:
 *       - name: get_weather
 *         arguments: {city: Paris, unit: celsius}
 *   - "It is 18 degrees and sunny in Paris."
 *
 * rules:                          # Java regex, found case-insensitively in the latest user message
 *   - match: "\\b(refund|money back)\\b"
 *     response: "I can help with refunds. What is your order number?"
 *   - match: "weather in paris"
 *     response:                   # the turn's first call: ask for a tool
 *       tool_calls: [{name: get_weather, arguments: {city: Paris}}]
 *     after_tools: "It is sunny in Paris."   # the call after the tool results
 *   - match: "big refund"
 *     response:
 *       tool_calls: [{name: process_refund, arguments: {order_id: A-1001, amount: 250}}]
 *     after_tools:                # or branches, on the results of that round; the first that holds answers
 *       - when: {tool: process_refund, outcome: rejected}   # outcome: success, error or rejected (by a person)
 *         response: "A supervisor turned the refund down, so nothing was refunded."
 *       - when: {result: "\"status\":\"refunded\""}       # a regex found in a result (or {"error": ...})
 *         response: "Your refund of $250 is done."
 *       - response: "The refund could not be made."         # no when: always
 *   - match: "picture|photo"
 *     response:
 *       type: multimodal
 *       parts:
 *         - {type: text, text: "Here is the chart you asked for."}
 *         - {type: image, image_url: {url: "mock://chart.png", detail: high}}
 *
 * scenarios:                      # selected by request metadata mock_scenario_id
 *   order-tracking:
 *     defaultResponse: "Your order is on its way."
 *     turns:
 *       1: "Let me look up order #12345."
 *       2:
 *         tool_calls:
 *           - name: track_order
 *             arguments: {order_id: "12345"}
 *
 * duplex:                         # duplex sessions only (see MockProvider#openSession)
 *   input_transcript: "What's the weather in Paris?"   # what the mock hears in each audio turn; none by default
 *   response_text: "Mock streaming response"         # the answer the script gives no other (this default)
 *   audio: tone                   # spoken answers: tone (440 Hz, the default) or silence
 * }</pre>
 *
 * <p>The Go original's {@code selfplay} section, composition {@code steps} and duplex {@code audio_*} turn
 * fields are accepted and ignored. Any other unknown key, a turn key that is not a number from 1, a regular
 * expression that does not compile or a value of the wrong shape fails with a {@link MockScriptException}
 * naming the source, the field path and its line.
 *
 * @see #find(ProviderRequest) the lookup order
 *
 * @since 0.1.0
 */
public final class MockScript {

    /** The request metadata key that selects a scenario. */
    public static final String SCENARIO_ID_METADATA = "mock_scenario_id";

    /** The request metadata key that sets the turn number (an integer, or its text). */
    public static final String TURN_NUMBER_METADATA = "mock_turn_number";

    /** A script with no answers: every request gets the provider's generic fallback. */
    public static final MockScript EMPTY = new MockScript(null, Map.of(), List.of(), Map.of(),
            MockDuplexScript.DEFAULTS);

    private static final String INLINE_SOURCE = "<string>";

    private final MockTurn defaultTurn;
    private final Map<String, MockScenario> scenarios;
    private final List<MockRule> rules;
    private final Map<Integer, MockTurn> turns;
    private final MockDuplexScript duplex;

    MockScript(MockTurn defaultTurn, Map<String, MockScenario> scenarios, List<MockRule> rules,
            Map<Integer, MockTurn> turns, MockDuplexScript duplex) {
        this.defaultTurn = defaultTurn;
        this.scenarios = Map.copyOf(scenarios);
        this.rules = List.copyOf(rules);
        this.turns = Map.copyOf(turns);
        this.duplex = duplex;
    }

    /** Reads a script from YAML text. */
    public static MockScript parse(String yaml) {
        return MockScriptParser.parse(yaml, INLINE_SOURCE);
    }

    /** Reads a script from a UTF-8 YAML file. */
    public static MockScript load(Path file) {
        String source = file.toString();
        try {
            return MockScriptParser.parse(Files.readString(file, StandardCharsets.UTF_8), source);
        }
        catch (NoSuchFileException missing) {
            throw new MockScriptException(source, null, "no such file", missing);
        }
        catch (IOException unreadable) {
            throw new MockScriptException(source, null, "cannot be read: " + unreadable.getMessage(), unreadable);
        }
    }

    /**
     * Reads a script from a UTF-8 YAML stream, which the caller keeps and closes.
     *
     * @param sourceName what error messages call the source, for example a file name
     */
    public static MockScript load(InputStream yaml, String sourceName) {
        try {
            return MockScriptParser.parse(new String(yaml.readAllBytes(), StandardCharsets.UTF_8), sourceName);
        }
        catch (IOException unreadable) {
            throw new MockScriptException(sourceName, null, "cannot be read: " + unreadable.getMessage(),
                    unreadable);
        }
    }

    /**
     * Reads a script from a classpath resource (a leading {@code /} is optional), through the thread's
     * context class loader or, without one, this class's loader.
     */
    public static MockScript fromClasspath(String resource) {
        String name = resource.startsWith("/") ? resource.substring(1) : resource;
        String source = "classpath:" + name;
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = MockScript.class.getClassLoader();
        }
        try (InputStream yaml = loader.getResourceAsStream(name)) {
            if (yaml == null) {
                throw new MockScriptException(source, null, "not found on the classpath", null);
            }
            return load(yaml, source);
        }
        catch (IOException unreadable) {
            throw new MockScriptException(source, null, "cannot be read: " + unreadable.getMessage(), unreadable);
        }
    }

    /** How the mock behaves in duplex sessions ({@link MockDuplexScript#DEFAULTS} without a duplex section). */
    public MockDuplexScript duplex() {
        return duplex;
    }

    /**
     * The scripted answer to a request, looked up in this order; the first that exists wins:
     * <ol>
     * <li>the turn of the scenario named by request metadata {@code mock_scenario_id};</li>
     * <li>that scenario's {@code defaultResponse};</li>
     * <li>the first rule whose {@code match} is found (case-insensitively) in the latest user message: its
     * {@code response} for the turn's first call, its {@code after_tools} (the first branch whose {@code when}
     * the tool results meet) for a call that follows tool results (a rule without {@code after_tools}, or none of
     * whose branches holds, does not answer those);</li>
     * <li>the top-level turn;</li>
     * <li>the global {@code defaultResponse}.</li>
     * </ol>
     * Empty when none applies; the provider then answers with its generic fallback.
     *
     * <p>The turn number is request metadata {@code mock_turn_number} when present; otherwise it is the number
     * of assistant messages in the request plus one. So the Nth provider call of a conversation gets turn N,
     * and a tool-continuation round (after the assistant's tool-call message) gets the next turn. This is
     * simpler than the Go original, which takes the larger of the metadata and the assistant count (at least 1)
     * and adds one when tool results are present, so that its tool-less chats answer turn 1 twice.
     *
     * @throws IllegalArgumentException if {@code mock_turn_number} is not a whole number
     */
    public Optional<MockTurn> find(ProviderRequest request) {
        ScriptQuery query = ScriptQuery.from(request);
        MockScenario scenario = query.scenarioId() == null ? null : scenarios.get(query.scenarioId());
        if (scenario != null) {
            MockTurn turn = scenario.turns().get(query.turnNumber());
            if (turn != null) {
                return Optional.of(turn);
            }
            if (scenario.defaultTurn() != null) {
                return Optional.of(scenario.defaultTurn());
            }
        }
        for (MockRule rule : rules) {
            MockTurn reply = rule.matches(query.userText()) ? rule.reply(query) : null;
            if (reply != null) {
                return Optional.of(reply);
            }
        }
        MockTurn turn = turns.get(query.turnNumber());
        return Optional.ofNullable(turn != null ? turn : defaultTurn);
    }
}
