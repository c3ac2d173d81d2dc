/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.pack.Pack;
import dev.promptkit.pack.PackLoader;
import dev.promptkit.pipeline.PipelineBuilder;
import dev.promptkit.pipeline.Stage;
import dev.promptkit.pipeline.StageType;
import dev.promptkit.pipeline.StreamElement;
import dev.promptkit.pipeline.TurnContext;
import dev.promptkit.validation.ValidationMode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

class ValidationStagesTests {

    private static final Pack PACK = PackLoader.load(new ByteArrayInputStream("""
            {"id": "placement", "name": "Placement", "version": "1.0.0",
             "template_engine": {"version": "v1", "syntax": "{{variable}}"},
             "prompts": {
               "both": {"id": "both", "name": "Both", "version": "1.0.0", "system_template": "x",
                 "validators": [{"type": "regex", "params": {"pattern": "a", "direction": "input"}},
                                {"type": "banned_words", "params": {"words": ["b"]}},
                                {"type": "json_valid"}]},
               "plain": {"id": "plain", "name": "Plain", "version": "1.0.0", "system_template": "x",
                 "validators": [{"type": "json_valid"}]},
               "none": {"id": "none", "name": "None", "version": "1.0.0", "system_template": "x"}}}
            """.getBytes(StandardCharsets.UTF_8)), "placement");

    private static List<String> stages(String prompt, ConversationOptions options) {
        PipelineBuilder pipeline = new PipelineBuilder().chain(named("earlier"), named("provider"), named("state_save"));
        ValidationStages.install(pipeline, PACK, prompt, options);
        return pipeline.build().stageNames();
    }

    private static Stage named(String name) {
        return new Stage() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public StageType type() {
                return StageType.TRANSFORM;
            }

            @Override
            public Flux<StreamElement> process(Flux<StreamElement> in, TurnContext turn) {
                return in;
            }
        };
    }

    @Test
    void inputValidationPrecedesTheProviderAndStreamThenOutputValidationFollowIt() {
        assertThat(stages("both", ConversationOptions.defaults())).containsExactly("earlier", "input_validation",
                "provider", "stream_validation", "output_validation", "state_save");
    }

    @Test
    void onlyStagesWithValidatorsToRunAreAdded() {
        assertThat(stages("plain", ConversationOptions.defaults()))
                .containsExactly("earlier", "provider", "output_validation", "state_save");
        assertThat(stages("none", ConversationOptions.defaults())).containsExactly("earlier", "provider", "state_save");
        assertThat(stages("both", ConversationOptions.builder()
                .validation(validation -> validation.withDisabledTypes("banned_words", "regex")).build()))
                .containsExactly("earlier", "provider", "output_validation", "state_save");
    }

    @Test
    void warnModeNeverStopsStreamsAndDisabledModeAddsNothing() {
        assertThat(stages("both", ConversationOptions.builder()
                .validation(validation -> validation.withMode(ValidationMode.WARN)).build()))
                .containsExactly("earlier", "input_validation", "provider", "output_validation", "state_save");
        assertThat(stages("both", ConversationOptions.builder()
                .validation(validation -> validation.withMode(ValidationMode.DISABLED)).build()))
                .containsExactly("earlier", "provider", "state_save");
    }
}
