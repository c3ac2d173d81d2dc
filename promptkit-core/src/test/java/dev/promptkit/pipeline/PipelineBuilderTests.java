/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

class PipelineBuilderTests {

    @Test
    void stagesRunInOrderWithCustomStagesPlacedByName() {
        Pipeline pipeline = new PipelineBuilder()
                .chain(new Append("a"), new Append("c"))
                .insertBefore("c", new Append("b"))
                .insertAfter("c", new Append("d"))
                .build();

        assertThat(pipeline.stageNames()).containsExactly("a", "b", "c", "d");
        String out = pipeline.execute(Flux.just(StreamElement.text(">")), null).map(StreamElement::text).blockLast();
        assertThat(out).isEqualTo(">abcd");
    }

    @Test
    void rejectsDuplicateNamesAndUnknownAnchorsWithTheNames() {
        assertThatThrownBy(() -> new PipelineBuilder().chain(new Append("x"), new Append("x")).build())
                .hasMessageContaining("'x'");
        assertThatThrownBy(() -> new PipelineBuilder().chain(new Append("x")).insertAfter("y", new Append("z")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'y'").hasMessageContaining("[x]");
        assertThatThrownBy(() -> new PipelineBuilder().build()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void placingAStageRelativeToARemovedPreparationStageSaysWhereTheWorkWent() {
        for (String removed : List.of("state_load", "variables", "prompt_assembly", "template", "context_budget")) {
            assertThatThrownBy(() -> new PipelineBuilder().chain(new Append("provider")).insertBefore(removed,
                    new Append("custom"))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + removed + "' was removed").hasMessageContaining("TurnPreparer")
                    .hasMessageContaining("before 'provider'");
        }
    }

    /** Appends its name to every text element. */
    private record Append(String name) implements Stage {
        @Override
        public StageType type() {
            return StageType.TRANSFORM;
        }

        @Override
        public Flux<StreamElement> process(Flux<StreamElement> in, TurnContext turn) {
            return in.map(e -> StreamElement.text(e.text() + name));
        }
    }
}
