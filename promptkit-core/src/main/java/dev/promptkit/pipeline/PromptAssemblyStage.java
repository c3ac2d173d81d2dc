package dev.promptkit.pipeline;

import dev.promptkit.pack.Pack;
import dev.promptkit.pack.Prompt;
import dev.promptkit.pack.ToolDef;
import dev.promptkit.provider.ModelParameters;
import dev.promptkit.provider.ResponseFormat;
import dev.promptkit.provider.ToolChoice;
import dev.promptkit.tool.ToolDescriptor;
import java.util.List;
import reactor.core.publisher.Flux;

/**
 * Sets what the prompt offers the model this turn: the tools named in its {@code tools[]} (less the
 * tool policy's blocklist), the tool choice, and the model parameters (the pack's, with the
 * conversation's overrides on top).
 */
public final class PromptAssemblyStage implements Stage {

    public static final String NAME = "prompt_assembly";

    private final ModelParameters parameterOverrides;
    private final ResponseFormat responseFormat;

    public PromptAssemblyStage(ModelParameters parameterOverrides, ResponseFormat responseFormat) {
        this.parameterOverrides = parameterOverrides;
        this.responseFormat = responseFormat;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StageType type() {
        return StageType.TRANSFORM;
    }

    @Override
    public Flux<StreamElement> process(Flux<StreamElement> in, TurnContext turn) {
        return TurnPreparation.before(in, () -> {
            Prompt prompt = turn.prompt();
            turn.tools(offeredTools(turn.pack(), prompt));
            turn.toolChoice(ToolChoice.parse(prompt.toolPolicy().toolChoice()));
            turn.parameters(prompt.parameters().toModelParameters().overriddenBy(parameterOverrides));
            if (responseFormat != null) {
                turn.responseFormat(responseFormat);
            }
        });
    }

    /** The pack tools a prompt offers, in the prompt's order, without the blocklisted ones. */
    public static List<ToolDescriptor> offeredTools(Pack pack, Prompt prompt) {
        List<String> blocked = prompt.toolPolicy().blocklist();
        return prompt.tools().stream()
                .filter(name -> !blocked.contains(name))
                .map(pack.tools()::get)
                .filter(java.util.Objects::nonNull)
                .map(PromptAssemblyStage::descriptor)
                .toList();
    }

    private static ToolDescriptor descriptor(ToolDef tool) {
        return new ToolDescriptor(tool.name(), tool.description(), tool.parameters());
    }
}
