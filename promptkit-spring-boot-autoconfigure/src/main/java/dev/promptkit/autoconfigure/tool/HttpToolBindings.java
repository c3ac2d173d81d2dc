/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.tool;

import dev.promptkit.secret.SecretRedactor;
import dev.promptkit.tool.ToolBinding;
import dev.promptkit.tool.http.HttpToolConfig;
import dev.promptkit.tool.http.HttpToolExecutor;
import dev.promptkit.tool.http.HttpToolHooks;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.core.env.Environment;

/**
 * The HTTP tools of {@code promptkit.tools.http.*}, each with the hooks of the {@link HttpToolHooks} bean named after
 * it. A setting that does not fit fails start-up naming the property; a hooks bean named after no configured HTTP tool
 * fails it naming the bean.
 */
final class HttpToolBindings {

    private static final String PREFIX = "promptkit.tools.http.";

    private HttpToolBindings() {
    }

    /**
     * The executors by tool name.
     *
     * @param hooks the {@link HttpToolHooks} beans by bean name
     * @param environment where header values from environment variables are read
     */
    static Map<String, ToolBinding> of(Map<String, PromptKitToolsProperties.HttpTool> tools,
            Map<String, HttpToolHooks> hooks, Environment environment) {
        Set<String> unknown = new TreeSet<>(hooks.keySet());
        unknown.removeAll(tools.keySet());
        if (!unknown.isEmpty()) {
            throw new ToolBindingException("HttpToolHooks bean(s) " + unknown + " name no HTTP tool; "
                    + "promptkit.tools.http configures " + new TreeSet<>(tools.keySet()) + ".",
                    "Name each HttpToolHooks bean after the HTTP tool it serves, or configure that tool under "
                            + "promptkit.tools.http (in brackets when its name holds '_': promptkit.tools.http[get_orders]"
                            + ".url).", null);
        }
        Map<String, ToolBinding> bindings = new LinkedHashMap<>();
        tools.forEach((name, tool) -> {
            HttpToolConfig config = config(name, tool, hooks.getOrDefault(name, HttpToolHooks.NONE));
            HttpToolExecutor executor;
            try {
                executor = new HttpToolExecutor(config, variables(tool, environment));
            }
            catch (IllegalStateException missing) {
                throw new InvalidConfigurationPropertyValueException(PREFIX + name + ".headers-from-env",
                        tool.headersFromEnv().keySet(), missing.getMessage());
            }
            bindings.put(name, ToolBinding.of(executor, "http " + config.method() + " "
                    + SecretRedactor.NO_KNOWN_SECRETS.redact(config.url())));
        });
        return bindings;
    }

    private static HttpToolConfig config(String name, PromptKitToolsProperties.HttpTool tool, HttpToolHooks hooks) {
        String at = PREFIX + name + ".";
        if (tool.url() == null || tool.url().isBlank()) {
            throw new InvalidConfigurationPropertyValueException(at + "url", tool.url(),
                    "HTTP tool '" + name + "' needs the URL of its endpoint.");
        }
        HttpToolConfig.Builder builder = HttpToolConfig.builder(tool.url());
        set(at + "method", tool.method(), builder, b -> b.method(tool.method()));
        Objects.requireNonNullElse(tool.headers(), Map.<String, String>of()).forEach((header, value) ->
                set(at + "headers." + header, "******", builder, b -> b.header(header, value)));
        Objects.requireNonNullElse(tool.headersFromEnv(), Map.<String, PromptKitToolsProperties.EnvironmentHeader>of())
                .forEach((header, env) -> set(at + "headers-from-env." + header, env.variable(), builder,
                        b -> b.headerFromEnv(header, Objects.requireNonNullElse(env.variable(), ""), env.prefix())));
        set(at + "timeout", tool.timeout(), builder, b -> b.timeout(tool.timeout()));
        List<String> redact = Objects.requireNonNullElse(tool.redact(), List.of());
        set(at + "redact", redact, builder, b -> b.redact(redact.toArray(String[]::new)));
        if (tool.select() != null) {
            set(at + "select", tool.select(), builder, b -> b.select(tool.select()));
        }
        long bytes = tool.maxResponseSize().toBytes();
        set(at + "max-response-size", tool.maxResponseSize(), builder,
                b -> b.maxResponseBytes(bytes > Integer.MAX_VALUE ? -1 : (int) bytes));
        try {
            return builder.hooks(hooks).build();
        }
        catch (IllegalArgumentException refused) {
            throw new InvalidConfigurationPropertyValueException(PREFIX + name, tool, refused.getMessage());
        }
    }

    /** Applies one setting, a refusal becoming a failure naming {@code property}. */
    private static HttpToolConfig.Builder set(String property, Object value, HttpToolConfig.Builder builder,
            UnaryOperator<HttpToolConfig.Builder> step) {
        try {
            return step.apply(builder);
        }
        catch (IllegalArgumentException | NullPointerException refused) {
            throw new InvalidConfigurationPropertyValueException(property, value, refused.getMessage());
        }
    }

    /** The values of the environment variables {@code tool} reads its headers from, as the environment has them. */
    private static Map<String, String> variables(PromptKitToolsProperties.HttpTool tool, Environment environment) {
        Map<String, String> values = new HashMap<>();
        if (tool.headersFromEnv() != null) {
            tool.headersFromEnv().values().forEach(header -> {
                String value = environment.getProperty(header.variable());
                if (value != null) {
                    values.put(header.variable(), value);
                }
            });
        }
        return values;
    }
}
