/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.actuate;

import dev.promptkit.autoconfigure.eval.LiveEvalStatus;
import dev.promptkit.autoconfigure.media.PromptKitMediaProperties;
import dev.promptkit.autoconfigure.pack.PromptPacks;
import dev.promptkit.autoconfigure.provider.MissingApiKey;
import dev.promptkit.autoconfigure.provider.PromptKitProviderProperties;
import dev.promptkit.autoconfigure.tool.PromptToolCatalog;
import dev.promptkit.autoconfigure.voice.VoiceSettings;
import dev.promptkit.pack.Pack;
import dev.promptkit.pack.PackWarning;
import dev.promptkit.pack.Prompt;
import dev.promptkit.pack.ValidatorDef;
import dev.promptkit.provider.ForwardingProvider;
import dev.promptkit.provider.Provider;
import dev.promptkit.provider.ProviderRegistry;
import dev.promptkit.provider.http.HttpProvider;
import dev.promptkit.provider.mock.MockProvider;
import dev.promptkit.provider.openai.OpenAiApi;
import dev.promptkit.provider.openai.OpenAiProvider;
import dev.promptkit.recording.EventRecorder;
import dev.promptkit.sdk.Conversation;
import dev.promptkit.sdk.Conversations;
import dev.promptkit.state.StateStore;
import dev.promptkit.tool.BlockingToolThreads;
import dev.promptkit.tool.PendingStore;
import dev.promptkit.tool.mcp.McpServer;
import dev.promptkit.tool.mcp.McpServers;
import dev.promptkit.validation.ValidatorRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * {@code /actuator/promptkit}: the packs, their prompts and load warnings, every tool with its handler
 * ({@code bean#method}, {@code http}, {@code mcp} or {@code missing}), where blocking tool handlers run and how
 * many run, wait or overran their time-out, the providers (API keys masked),
 * each prompt's pipeline (custom stages in their places), the validator types, the stores, the MCP
 * servers' transport and status, session recording (its store and time to live, events written and dropped), live
 * evals (per pack each eval and its recent pass rate and scores; the queue and drops), the voice and media settings,
 * and running totals of requests, tokens and cost.
 * Never shows message content or a key.
 *
 * @since 0.1.0
 */
@Endpoint(id = "promptkit")
public class PromptKitEndpoint {

    private static final String MASK = "******";

    private final PromptPacks packs;
    private final ProviderRegistry providers;
    private final PromptKitProviderProperties providerProperties;
    private final PromptToolCatalog tools;
    private final BlockingToolThreads blockingTools;
    private final StateStore stateStore;
    private final PendingStore pendingStore;
    private final McpServers mcpServers;
    private final UsageTotals totals;
    private final Conversations conversations;
    private final VoiceSettings voice;
    private final PromptKitMediaProperties media;
    private final EventRecorder recorder;
    private final LiveEvalStatus liveEvals;

    /**
     * {@code blockingTools}, {@code mcpServers}, {@code voice}, {@code media}, {@code recorder} (session recording
     * off) and {@code liveEvals} (live evals off) may be {@code null}.
     */
    public PromptKitEndpoint(PromptPacks packs, ProviderRegistry providers, PromptKitProviderProperties providerProperties,
            PromptToolCatalog tools, BlockingToolThreads blockingTools, StateStore stateStore, PendingStore pendingStore,
            McpServers mcpServers, UsageTotals totals, Conversations conversations, VoiceSettings voice,
            PromptKitMediaProperties media, EventRecorder recorder,
            LiveEvalStatus liveEvals) {
        this.packs = packs;
        this.providers = providers;
        this.providerProperties = providerProperties;
        this.tools = tools;
        this.blockingTools = blockingTools;
        this.stateStore = stateStore;
        this.pendingStore = pendingStore;
        this.mcpServers = mcpServers;
        this.totals = totals;
        this.conversations = conversations;
        this.voice = voice;
        this.media = media;
        this.recorder = recorder;
        this.liveEvals = liveEvals;
    }

    @ReadOperation
    public Map<String, Object> describe() {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("packs", packs());
        description.put("tools", tools());
        if (blockingTools != null) {
            description.put("blockingTools", blockingTools());
        }
        description.put("providers", providers());
        description.put("stateStore", stateStore.getClass().getSimpleName());
        description.put("pendingStore", pendingStore.getClass().getSimpleName());
        description.put("recording", recording());
        description.put("liveEvals", liveEvals != null ? liveEvals.evaluator() : Map.of("enabled", false));
        description.put("mcpServers", mcpServers());
        ValidatorRegistry validators = conversations.defaults().validation().registry();
        description.put("validatorTypes", (validators != null ? validators : ValidatorRegistry.standard()).types());
        if (voice != null) {
            description.put("voice", voice.describe());
        }
        if (media != null) {
            description.put("media", media());
        }
        description.put("totals", totals.snapshot());
        return description;
    }

    /** Whether sessions are recorded, where (the store, its time to live) and how many events were written or lost. */
    private Map<String, Object> recording() {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("enabled", recorder != null);
        if (recorder != null) {
            result.put("store", recorder.store().describe());
            result.put("recordedEvents", recorder.recordedEvents());
            result.put("droppedEvents", recorder.droppedEvents());
        }
        return result;
    }

    private Map<String, Object> packs() {
        Map<String, Object> result = new TreeMap<>();
        packs.byName().forEach((name, pack) -> result.put(name, pack(name, pack)));
        return result;
    }

    private Map<String, Object> pack(String name, Pack pack) {
        Map<String, Object> prompts = new TreeMap<>();
        pack.prompts().forEach((promptName, prompt) -> prompts.put(promptName, prompt(name, promptName, prompt)));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("id", pack.id());
        result.put("version", pack.version());
        result.put("default", name.equals(packs.defaultName()));
        result.put("prompts", prompts);
        result.put("warnings", pack.warnings().stream().map(PackWarning::toString).toList());
        if (liveEvals != null) {
            result.put("liveEvals", liveEvals.describe(pack));
        }
        return result;
    }

    private Map<String, Object> prompt(String packName, String promptName, Prompt prompt) {
        return Map.of("version", prompt.version(), "tools", prompt.tools(), "validators",
                prompt.validators().stream().filter(ValidatorDef::enabled).map(ValidatorDef::type).toList(),
                "variables", prompt.variables().stream().map(variable -> variable.name()).toList(),
                "pipeline", pipeline(packName, promptName));
    }

    /** The stage names a conversation on this prompt runs through, custom stages in their places. */
    private Object pipeline(String packName, String promptName) {
        try (Conversation probe = conversations.open(packName, promptName)) {
            return probe.stageNames();
        }
        catch (RuntimeException ex) {
            return "cannot open: " + ex.getMessage();
        }
    }

    private Map<String, String> tools() {
        Map<String, String> origins = new TreeMap<>();
        packs.byName().values().forEach(pack -> pack.tools().keySet().forEach(tool -> origins.put(tool,
                tools.find(tool).map(binding -> binding.origin()).orElse("missing"))));
        if (mcpServers != null) {
            mcpServers.servers().forEach(server -> server.toolNames().forEach(tool -> origins.put(tool, "mcp")));
        }
        return origins;
    }

    /** Where blocking handlers run, and what they are doing now. */
    private Map<String, Object> blockingTools() {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("threads", blockingTools.virtual() ? "virtual" : "platform");
        if (!blockingTools.virtual()) {
            result.put("maxThreads", blockingTools.maxThreads());
            result.put("waiting", blockingTools.waiting());
        }
        result.put("running", blockingTools.running());
        result.put("overrunning", blockingTools.overrunning());
        return result;
    }

    private Map<String, Object> providers() {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("default", providers.defaultName());
        providers.asMap().forEach((name, provider) -> result.put(name, provider(name, provider)));
        return result;
    }

    /**
     * A provider as it runs: for an HTTP provider the base URL its calls go to (configured, from an environment
     * variable such as {@code OPENAI_BASE_URL}, or the vendor's) and whether it has a key, masked; for an OpenAI
     * provider, the API its calls go to.
     */
    private Map<String, Object> provider(String name, Provider provider) {
        PromptKitProviderProperties.Provider configured = providerProperties.providers().get(name);
        Provider actual = unwrapped(provider);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("type", provider.type());
        result.put("model", provider.defaultModel());
        if (actual instanceof HttpProvider http) {
            result.put("baseUrl", http.baseUrl());
            result.put("apiKey", http.hasApiKey() ? MASK : "none");
        }
        else {
            result.put("baseUrl", actual instanceof MockProvider ? "none (in process)" : "unknown");
            result.put("apiKey", configured != null && configured.apiKey() != null ? MASK : "none");
        }
        if (configured != null) {
            missingKey(name, configured).ifPresent(why -> result.put("apiKey", why));
        }
        if (actual instanceof OpenAiProvider openAi) {
            result.put("api", api(openAi));
        }
        return result;
    }

    /** The API an OpenAI provider's calls go to: the configured one, else how it is chosen. */
    private static String api(OpenAiProvider openAi) {
        if (openAi.configuredApi() != null) {
            return openAi.configuredApi().value();
        }
        return OpenAiApi.isOpenAiBaseUrl(openAi.baseUrl()) ? "responses for the models only it serves, else "
                + "chat-completions" : OpenAiApi.CHAT_COMPLETIONS.value();
    }

    /** The provider behind any forwarding ones (observation, say). */
    private static Provider unwrapped(Provider provider) {
        Provider current = provider;
        while (current instanceof ForwardingProvider forwarding) {
            current = forwarding.delegate();
        }
        return current;
    }

    /** Why the mock answers in a configured provider's place: its key is missing. */
    private static java.util.Optional<String> missingKey(String name, PromptKitProviderProperties.Provider configured) {
        return MissingApiKey.of(configured.type() != null ? configured.type() : name, configured.apiKey(),
                configured.baseUrl()).map(missing -> "missing: api-key " + missing.problem() + "; the mock answers");
    }

    private Map<String, Object> media() {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("images", media.images() != null ? media.images() : "sent as they are");
        result.put("video", media.video() != null ? media.video() : "frames sent as they are");
        return result;
    }

    private Map<String, Object> mcpServers() {
        Map<String, Object> result = new TreeMap<>();
        if (mcpServers != null) {
            for (McpServer server : mcpServers.servers()) {
                Map<String, Object> status = new LinkedHashMap<>();
                status.put("transport", server.config().transport().type().value());
                status.put("status", server.status().name());
                status.put("tools", server.toolNames());
                server.lastError().ifPresent(error -> status.put("lastError", error));
                result.put(server.name(), status);
            }
        }
        return result;
    }
}
