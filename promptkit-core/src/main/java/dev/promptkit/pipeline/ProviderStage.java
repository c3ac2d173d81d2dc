package dev.promptkit.pipeline;

import dev.promptkit.provider.CostCalculator;
import dev.promptkit.provider.Provider;
import dev.promptkit.provider.ProviderChunk;
import dev.promptkit.provider.ProviderRequest;
import dev.promptkit.provider.ProviderResponse;
import dev.promptkit.types.CostInfo;
import dev.promptkit.types.Message;
import dev.promptkit.types.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Calls the provider with the conversation so far and streams its answer: every input element first,
 * then text deltas and tool calls as they arrive, then the assistant {@link Message} carrying the
 * finish reason, latency, tokens and cost. Fails the turn when the provider is silent for longer than
 * the idle timeout.
 */
public final class ProviderStage implements Stage {

    public static final String NAME = "provider";

    private final Provider provider;
    private final CostCalculator costs;
    private final Duration idleTimeout;
    private final Map<String, Object> requestMetadata;

    /**
     * @param idleTimeout the longest wait for the provider's next chunk; {@link Duration#ZERO} for none
     * @param requestMetadata passed to the provider with every request (for example a mock scenario id)
     */
    public ProviderStage(Provider provider, CostCalculator costs, Duration idleTimeout,
            Map<String, Object> requestMetadata) {
        this.provider = provider;
        this.costs = costs;
        this.idleTimeout = idleTimeout;
        this.requestMetadata = Map.copyOf(requestMetadata);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StageType type() {
        return StageType.GENERATE;
    }

    @Override
    public Flux<StreamElement> process(Flux<StreamElement> in, TurnContext turn) {
        return in.collectList().flatMapMany(elements -> {
            List<Message> conversation = new ArrayList<>(elements.size());
            for (StreamElement element : elements) {
                if (element.isMessage()) {
                    conversation.add(element.message());
                }
            }
            return Flux.concat(Flux.fromIterable(elements), answer(request(conversation, turn)));
        });
    }

    private ProviderRequest request(List<Message> conversation, TurnContext turn) {
        return new ProviderRequest(turn.model(), turn.systemPrompt(), conversation, turn.tools(), turn.toolChoice(),
                turn.parameters(), turn.responseFormat(), requestMetadata);
    }

    private Flux<StreamElement> answer(ProviderRequest request) {
        return Flux.defer(() -> {
            ProviderResponse.Builder response = new ProviderResponse.Builder();
            long started = System.nanoTime();
            Flux<ProviderChunk> chunks = provider.stream(request);
            if (!idleTimeout.isZero()) {
                chunks = IdleTimeout.apply(chunks, idleTimeout, Schedulers.parallel(),
                        () -> new ProviderIdleTimeoutException(provider.name(), idleTimeout));
            }
            return chunks.<StreamElement>handle((chunk, sink) -> {
                response.add(chunk);
                if (chunk.isText()) {
                    sink.next(StreamElement.text(chunk.delta()));
                }
                else if (chunk.isToolCall()) {
                    sink.next(StreamElement.toolCall(chunk.toolCall()));
                }
            }).concatWith(Mono.fromSupplier(() -> StreamElement.message(
                    assistantMessage(request.model(), response.build(), System.nanoTime() - started))));
        });
    }

    private Message assistantMessage(String model, ProviderResponse response, long elapsedNanos) {
        CostInfo cost = costs.cost(model, response.usage());
        String content = response.text().isEmpty() && !response.toolCalls().isEmpty() ? null : response.text();
        return new Message(Role.ASSISTANT, content, null, response.toolCalls(), null, Instant.now(),
                Duration.ofNanos(elapsedNanos).toMillis(), cost, response.finishReason(), null,
                Map.of("model", model, "provider", provider.name()));
    }
}
