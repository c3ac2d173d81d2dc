package dev.promptkit.autoconfigure.actuate;

import dev.promptkit.autoconfigure.media.PromptKitMediaProperties;
import dev.promptkit.autoconfigure.pack.PromptPacks;
import dev.promptkit.autoconfigure.provider.MissingApiKey;
import dev.promptkit.autoconfigure.provider.PromptKitProviderProperties;
import dev.promptkit.autoconfigure.tool.PromptToolCatalog;
import dev.promptkit.autoconfigure.voice.VoiceSettings;
import dev.promptkit.pack.Pack;
import dev.promptkit.pack.Prompt;
import dev.promptkit.pack.ValidatorDef;
import dev.promptkit.provider.Provider;
import dev.promptkit.provider.ProviderRegistry;
import dev.promptkit.sdk.Conversation;
import dev.promptkit.sdk.Conversations;
import dev.promptkit.state.StateStore;
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
 * {@code /actuator/promptkit}: the packs and their prompts, every tool with its handler
 * ({@code bean#method}, {@code http}, {@code mcp} or {@code missing}), the providers (API keys masked),
 * each prompt's pipeline (custom stages in their places), the validator types, the stores, the MCP
 * servers' status, the voice and media settings, and running totals of requests, tokens and cost. Never shows
 * message content or a key.
 */
@Endpoint(id = "promptkit")
public class PromptKitEndpoint {

    private static final String MASK = "******";

    private final PromptPacks packs;
    private final ProviderRegistry providers;
    private final PromptKitProviderProperties providerProperties;
    private final PromptToolCatalog tools;
    private final StateStore stateStore;
    private final PendingStore pendingStore;
    private final McpServers mcpServers;
    private final UsageTotals totals;
    private final Conversations conversations;
    private final VoiceSettings voice;
    private final PromptKitMediaProperties media;

    /** {@code mcpServers}, {@code voice} and {@code media} may be {@code null}. */
    public PromptKitEndpoint(PromptPacks packs, ProviderRegistry providers, PromptKitProviderProperties providerProperties,
            PromptToolCatalog tools, StateStore stateStore, PendingStore pendingStore, McpServers mcpServers,
            UsageTotals totals, Conversations conversations, VoiceSettings voice, PromptKitMediaProperties media) {
        this.packs = packs;
        this.providers = providers;
        this.providerProperties = providerProperties;
        this.tools = tools;
        this.stateStore = stateStore;
        this.pendingStore = pendingStore;
        this.mcpServers = mcpServers;
        this.totals = totals;
        this.conversations = conversations;
        this.voice = voice;
        this.media = media;
    }

    @ReadOperation
    public Map<String, Object> describe() {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("packs", packs());
        description.put("tools", tools());
        description.put("providers", providers());
        description.put("stateStore", stateStore.getClass().getSimpleName());
        description.put("pendingStore", pendingStore.getClass().getSimpleName());
        description.put("mcpServers", mcpServers());
        ValidatorRegistry validators = conversations.defaults().validatorRegistry();
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

    private Map<String, Object> providers() {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("default", providers.defaultName());
        providers.asMap().forEach((name, provider) -> result.put(name, provider(name, provider)));
        return result;
    }

    private Map<String, Object> provider(String name, Provider provider) {
        PromptKitProviderProperties.Provider configured = providerProperties.providers().get(name);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("type", provider.type());
        result.put("model", provider.defaultModel());
        result.put("baseUrl", configured != null && configured.baseUrl() != null ? configured.baseUrl() : "default");
        result.put("apiKey", configured == null ? "not configured here" : apiKey(name, configured));
        return result;
    }

    /** The key masked, or why the mock answers in the provider's place. */
    private static String apiKey(String name, PromptKitProviderProperties.Provider configured) {
        return MissingApiKey.of(configured.type() != null ? configured.type() : name, configured.apiKey(),
                configured.baseUrl()).map(missing -> "missing: api-key " + missing.problem() + "; the mock answers")
                .orElse(configured.apiKey() != null ? MASK : "none");
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
                status.put("status", server.status().name());
                status.put("tools", server.toolNames());
                server.lastError().ifPresent(error -> status.put("lastError", error));
                result.put(server.name(), status);
            }
        }
        return result;
    }
}
