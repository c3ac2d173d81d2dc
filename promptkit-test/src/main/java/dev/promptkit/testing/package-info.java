/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * PromptKit's test kit: tests of prompts, tools and costs that run without keys, network or Spring.
 *
 * <ul>
 * <li>{@link dev.promptkit.testing.MockConversation} on a test class or method opens a conversation on a prompt of
 * a pack, answered by the scripted {@link dev.promptkit.provider.mock.MockProvider}, and passes it to the test
 * method; {@link dev.promptkit.testing.MockConversationExtension} does the work and closes it afterwards.</li>
 * <li>{@link dev.promptkit.testing.PromptKitAssertions} starts AssertJ assertions on a
 * {@link dev.promptkit.sdk.Response} (text, tool calls, held calls, validations, tokens, cost), a
 * {@link dev.promptkit.types.ToolCall}, a {@link dev.promptkit.types.CostInfo} and a
 * {@link dev.promptkit.sdk.Conversation} (its stored history).</li>
 * </ul>
 *
 * <pre>{@code
 * @MockConversation(pack = "packs/support.pack.json", prompt = "support", script = "mock-responses.yaml")
 * class SupportConversationTests {
 *
 *     @Test
 *     void looksTheOrderUp(Conversation conversation) {
 *         conversation.onTool("lookup_order", args -> orders.lookup((String) args.get("order_id")));
 *
 *         Response answer = conversation.send("Where is my order A-1001?");
 *
 *         assertThat(answer).calledTool("lookup_order").hasArgument("order_id", "A-1001");
 *         assertThat(answer).textContains("arrives").costsAtMost(new BigDecimal("0.01"));
 *     }
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
package dev.promptkit.testing;
