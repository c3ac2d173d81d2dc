/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.pack.Pack;
import dev.promptkit.pack.PackLoader;
import dev.promptkit.types.ToolDescriptor;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.JsonNodeFactory;

/** A shared lookup describes the tools a pack names without defining, for the model to see. */
class SharedToolDescriptionTests {

    private static final Pack PACK = PackLoader.load(new ByteArrayInputStream(("""
            {"id": "p", "name": "P", "version": "1.0.0",
             "template_engine": {"version": "v1", "syntax": "{{variable}}"},
             "prompts": {"chat": {"id": "chat", "name": "Chat", "version": "1.0.0", "system_template": "Hi.",
               "tools": ["a2a__remote__skill", "get_time"]}}}
            """).getBytes(StandardCharsets.UTF_8)), "inline");

    private final ToolDescriptor described = new ToolDescriptor("a2a__remote__skill", "Does the remote thing",
            JsonNodeFactory.instance.objectNode().put("type", "object"));
    private final ToolBindingLookup lookup = describing();

    @Test
    void anUndefinedToolTakesTheDescriptionTheSharedLookupGivesElseAnyObject() {
        ToolRegistry registry = ToolRegistry.forPack(PACK, lookup);

        assertThat(registry.descriptor("a2a__remote__skill")).contains(described);
        assertThat(registry.descriptor("get_time")).contains(AgentToolDescriptors.undefined("get_time"));
        assertThat(ToolRegistry.forPack(PACK).descriptor("a2a__remote__skill"))
                .contains(AgentToolDescriptors.undefined("a2a__remote__skill"));
    }

    @Test
    void aRegistryAsALookupAnswersWithItsOwnBindingsAndDescribesAsItsSharedLookupDoes() {
        ToolRegistry caller = ToolRegistry.forPack(PACK, lookup);
        ToolBinding own = ToolBinding.of((call, context) -> Mono.just("12:00"), "test");
        caller.bind("get_time", own);

        ToolRegistry agent = ToolRegistry.forPack(PACK, caller.asLookup());

        assertThat(agent.descriptor("a2a__remote__skill")).contains(described);
        assertThat(agent.binding("get_time")).contains(own);
    }

    private ToolBindingLookup describing() {
        return new ToolBindingLookup() {
            @Override
            public Optional<ToolBinding> find(String toolName) {
                return Optional.empty();
            }

            @Override
            public Optional<ToolDescriptor> describe(String toolName) {
                return toolName.equals(described.name()) ? Optional.of(described) : Optional.empty();
            }
        };
    }
}
