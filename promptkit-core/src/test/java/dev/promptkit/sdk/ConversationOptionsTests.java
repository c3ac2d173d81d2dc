/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.promptkit.context.Truncation;
import dev.promptkit.event.EventBus;
import dev.promptkit.extensions.RedactEmailsStage;
import dev.promptkit.media.ImagePreprocessConfig;
import dev.promptkit.media.VideoStreamConfig;
import dev.promptkit.pipeline.StagePlacement;
import dev.promptkit.pipeline.VariableProvider;
import dev.promptkit.provider.ModelPricing;
import dev.promptkit.provider.mock.MockProvider;
import dev.promptkit.state.InMemoryStateStore;
import dev.promptkit.tool.BlockingToolThreads;
import dev.promptkit.tool.mcp.McpServerConfig;
import dev.promptkit.tool.mcp.McpTransportConfig;
import dev.promptkit.types.ResponseFormat;
import dev.promptkit.validation.ValidationMode;
import dev.promptkit.validation.ValidatorRegistry;
import dev.promptkit.voice.VadModeConfig;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class ConversationOptionsTests {

    @Test
    void theOneCallOptionsLandInTheirGroups() {
        MockProvider provider = MockProvider.builder().build();
        InMemoryStateStore store = new InMemoryStateStore();
        VariableProvider tier = turn -> Mono.just(Map.of("tier", "gold"));
        RedactEmailsStage redact = new RedactEmailsStage();
        EventBus bus = EventBus.create();
        ValidatorRegistry validators = ValidatorRegistry.standard();
        McpServerConfig everything = McpServerConfig.of("everything", McpTransportConfig.stdio("npx", "-y", "x"));
        VadModeConfig vad = VadModeConfig.builder().voice("nova").build();

        ConversationOptions options = ConversationOptions.builder().provider(provider).model("gpt-4o").apiKey("sk-1")
                .temperature(0.2).maxTokens(300).jsonMode().stateStore(store).conversationId("user-42")
                .variables(Map.of("company", "ACME")).variableProvider(tier).stage(redact)
                .stage(redact, StagePlacement.before("provider")).eventBus(bus).mcpServer(everything)
                .validatorRegistry(validators).tokenBudget(8000).truncation(Truncation.FAIL).autoResize(800, 600)
                .streamingVideo(VideoStreamConfig.DEFAULTS.withTargetFps(2))
                .duplex(DuplexOptions.DEFAULTS.withVoice("marin"))
                .vadMode(vad, (audio, language) -> Mono.empty(), (text, voice, speed) -> Flux.empty()).build();

        assertThat(options.provider().instance()).isSameAs(provider);
        assertThat(options.provider().model()).isEqualTo("gpt-4o");
        assertThat(options.provider().apiKey()).isEqualTo("sk-1");
        assertThat(options.provider().parameters().temperature()).isEqualTo(0.2);
        assertThat(options.provider().parameters().maxTokens()).isEqualTo(300);
        assertThat(options.provider().responseFormat().type()).isEqualTo(ResponseFormat.Type.JSON_OBJECT);
        assertThat(options.state().store()).isSameAs(store);
        assertThat(options.state().conversationId()).isEqualTo("user-42");
        assertThat(options.pipeline().variables()).containsExactly(Map.entry("company", "ACME"));
        assertThat(options.pipeline().variableProviders()).containsExactly(tier);
        assertThat(options.pipeline().stages()).containsExactly(Map.entry(redact, StagePlacement.after("provider")),
                Map.entry(redact, StagePlacement.before("provider")));
        assertThat(options.pipeline().eventBus()).isSameAs(bus);
        assertThat(options.tools().mcpServerConfigs()).containsExactly(everything);
        assertThat(options.validation().registry()).isSameAs(validators);
        assertThat(options.context().tokenBudget()).isEqualTo(8000);
        assertThat(options.context().truncation()).isEqualTo(Truncation.FAIL);
        assertThat(options.media().imagePreprocessing())
                .isEqualTo(ImagePreprocessConfig.DEFAULTS.withMaxSize(800, 600));
        assertThat(options.media().streamingVideo()).isEqualTo(VideoStreamConfig.DEFAULTS.withTargetFps(2));
        assertThat(options.voice().duplex().voice()).isEqualTo("marin");
        assertThat(options.voice().vadMode().config()).isEqualTo(vad);
    }

    @Test
    void aGroupChangeKeepsWhatWasSetBefore() {
        ConversationOptions options = ConversationOptions.builder()
                .tools(tools -> tools.withTimeout(Duration.ofSeconds(5)))
                .tools(tools -> tools.withMaxParallel(4))
                .validation(validation -> validation.withMode(ValidationMode.WARN))
                .validation(validation -> validation.withStrict(true).withDisabledTypes("regex", "banned_words"))
                .provider(provider -> provider.withIdleTimeout(Duration.ofSeconds(3)))
                .provider(provider -> provider.withPricing("m", ModelPricing.of(1, 2)).withMetadata("k", "v"))
                .build();

        assertThat(options.tools().timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.tools().maxParallel()).isEqualTo(4);
        assertThat(options.validation().policy().mode()).isEqualTo(ValidationMode.WARN);
        assertThat(options.validation().policy().strict()).isTrue();
        assertThat(options.validation().policy().disabledTypes()).isEqualTo(Set.of("regex", "banned_words"));
        assertThat(options.provider().idleTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(options.provider().pricing()).containsOnlyKeys("m");
        assertThat(options.provider().metadata()).containsExactly(Map.entry("k", "v"));
    }

    @Test
    void aVariantFromToBuilderLeavesTheOriginalAsItWas() {
        ConversationOptions original = ConversationOptions.builder().conversationId("a").tokenBudget(100)
                .variable("x", "1").build();

        ConversationOptions variant = original.toBuilder().conversationId("b").variable("y", "2")
                .context(context -> context.withTruncation(Truncation.FAIL)).build();

        assertThat(variant.state().conversationId()).isEqualTo("b");
        assertThat(variant.pipeline().variables()).containsOnlyKeys("x", "y");
        assertThat(variant.context()).isEqualTo(new ContextOptions(100, Truncation.FAIL,
                ContextOptions.DEFAULTS.relevance(), null, null));
        assertThat(original.state().conversationId()).isEqualTo("a");
        assertThat(original.pipeline().variables()).containsOnlyKeys("x");
        assertThat(original.context().truncation()).isEqualTo(Truncation.SLIDING);
        assertThat(original.toBuilder().build()).isEqualTo(original);
    }

    @Test
    void theDefaultsAreThoseTheReadmePromises() {
        ConversationOptions defaults = ConversationOptions.defaults();

        assertThat(defaults.provider().instance()).as("detected").isNull();
        assertThat(defaults.provider().mockFallback()).isTrue();
        assertThat(defaults.provider().idleTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.state()).isEqualTo(StateOptions.DEFAULTS);
        assertThat(defaults.tools().timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.tools().maxParallel()).isEqualTo(10);
        assertThat(defaults.tools().blockingThreads()).isSameAs(BlockingToolThreads.shared());
        assertThat(defaults.validation().policy().mode()).isEqualTo(ValidationMode.ERROR);
        assertThat(defaults.context().budgeted()).isFalse();
        assertThat(defaults.voice().duplex()).isEqualTo(DuplexOptions.DEFAULTS);
    }

    @Test
    void aBadValueIsRejectedNamingTheOption() {
        ConversationOptions.Builder builder = ConversationOptions.builder();

        assertThatIllegalArgumentException().isThrownBy(() -> builder.tools(tools -> tools.withTimeout(Duration.ZERO)))
                .withMessage("tool timeout must be positive, was PT0S");
        assertThatIllegalArgumentException().isThrownBy(() -> builder.tools(tools -> tools.withMaxParallel(0)))
                .withMessage("maxParallel must be at least 1, was 0");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> builder.provider(provider -> provider.withIdleTimeout(Duration.ofSeconds(-1))))
                .withMessage("idleTimeout must not be negative, was PT-1S");
        assertThatIllegalArgumentException().isThrownBy(() -> builder.conversationId(" "))
                .withMessage("conversationId must not be empty");
        assertThatIllegalArgumentException().isThrownBy(() -> builder.tokenBudget(0))
                .withMessage("tokenBudget must be at least 1, was 0");
        assertThatIllegalArgumentException().isThrownBy(() -> builder.variable("", "x"))
                .withMessage("variable name must not be empty");
        assertThatIllegalArgumentException().isThrownBy(() -> builder.provider(provider -> provider.withPricing(" ",
                ModelPricing.of(1, 1)))).withMessage("pricing key must not be empty");
        assertThatNullPointerException().isThrownBy(() -> builder.tools(tools -> null)).withMessage("tool options");
        assertThat(builder.build()).as("a rejected change leaves the builder as it was")
                .isEqualTo(ConversationOptions.defaults());
    }

    @Test
    void theTextNeverShowsTheApiKeyOrTheVariablesValues() {
        String text = ConversationOptions.builder().apiKey("sk-secret-123").variable("ssn", "078-05-1120").build()
                .toString();

        assertThat(text).doesNotContain("sk-secret-123").doesNotContain("078-05-1120").contains("apiKey=******")
                .contains("variables=[ssn]");
    }
}
