/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.tool;

import dev.promptkit.autoconfigure.pack.PromptPacks;
import dev.promptkit.spring.PromptTool;
import dev.promptkit.tool.BlockingToolThreads;
import dev.promptkit.tool.LocalToolExecutor;
import dev.promptkit.tool.ToolBinding;
import dev.promptkit.tool.ToolExecutor;
import dev.promptkit.tool.http.HttpToolHooks;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletionStage;
import org.reactivestreams.Publisher;
import org.springframework.aop.framework.autoproxy.AutoProxyUtils;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.Environment;

/**
 * Finds every {@code @PromptTool} method once the application's singletons exist (proxied beans
 * included: the annotation is read from the target class, the call goes through the proxy) and adds
 * it to the {@link PromptToolCatalog}, and so does every {@link ToolExecutor} bean, for the tool its bean
 * name names. A method that may block runs on the {@link BlockingToolThreads}; a reactive one (returning a
 * {@code Publisher} or {@code CompletionStage}) is called on the caller's thread, as WebFlux calls a reactive
 * controller method, since it only assembles its answer. A handler for a tool no pack declares, two handlers for one
 * tool, a method parameter that no argument of the tool's schema fills, or an approval expression that does not
 * parse fail the application's start-up with a {@link ToolBindingException} naming the handler and the packs' tools.
 *
 * @since 0.1.0
 */
public final class PromptToolMethodProcessor implements SmartInitializingSingleton {

    private final ConfigurableListableBeanFactory beanFactory;
    private final PromptToolCatalog catalog;
    private final PromptPacks packs;
    private final BlockingToolThreads blockingThreads;
    private final ToolParameterCheck parameters;
    private final PromptKitToolsProperties properties;
    private final Environment environment;

    PromptToolMethodProcessor(ConfigurableListableBeanFactory beanFactory, PromptToolCatalog catalog, PromptPacks packs,
            BlockingToolThreads blockingThreads, PromptKitToolsProperties properties, Environment environment) {
        this.beanFactory = beanFactory;
        this.properties = properties;
        this.environment = environment;
        this.catalog = catalog;
        this.packs = packs;
        this.blockingThreads = blockingThreads;
        this.parameters = new ToolParameterCheck(packs);
    }

    @Override
    public void afterSingletonsInstantiated() {
        Set<String> declared = new TreeSet<>();
        packs.byName().values().forEach(pack -> declared.addAll(pack.tools().keySet()));
        Map<String, String> claimedBy = new HashMap<>();
        for (String beanName : beanFactory.getBeanNamesForType(Object.class, false, false)) {
            Class<?> targetType = AutoProxyUtils.determineTargetClass(beanFactory, beanName);
            if (targetType == null) {
                continue;
            }
            Map<Method, PromptTool> methods = MethodIntrospector.selectMethods(targetType,
                    (MethodIntrospector.MetadataLookup<PromptTool>) method ->
                            AnnotatedElementUtils.findMergedAnnotation(method, PromptTool.class));
            methods.forEach((method, annotation) -> register(beanName, method, annotation, declared, claimedBy));
        }
        beanFactory.getBeansOfType(ToolExecutor.class, false, false).forEach((beanName, executor) -> {
            check(beanName, "ToolExecutor bean " + beanName, declared, claimedBy);
            catalog.add(beanName, ToolBinding.of(executor, "bean " + beanName));
        });
        HttpToolBindings.of(properties.http(), beanFactory.getBeansOfType(HttpToolHooks.class, false, false), environment)
                .forEach((toolName, binding) -> {
                    check(toolName, "HTTP tool promptkit.tools.http." + toolName, declared, claimedBy);
                    catalog.add(toolName, binding);
                });
    }

    /** Fails start-up when a tool no pack declares, or one already answered, is claimed. */
    private static void check(String toolName, String origin, Set<String> declared, Map<String, String> claimedBy) {
        if (!declared.contains(toolName)) {
            throw new ToolBindingException(origin + " answers tool '" + toolName + "', which no pack declares; the "
                    + "packs' tools are " + declared + ".", "Name one of the packs' tools " + declared + ", or declare"
                    + " a tool '" + toolName + "' in the pack's \"tools\" (and offer it in a prompt's \"tools\").", null);
        }
        String earlier = claimedBy.putIfAbsent(toolName, origin);
        if (earlier != null) {
            throw new ToolBindingException("Tool '" + toolName + "' has two handlers: " + earlier + " and " + origin
                    + ".", "Keep one handler for tool '" + toolName + "': remove or rename the other.", null);
        }
    }

    private void register(String beanName, Method method, PromptTool annotation, Set<String> declared,
            Map<String, String> claimedBy) {
        String toolName = annotation.value().isEmpty() ? method.getName() : annotation.value();
        String origin = beanName + "#" + method.getName();
        check(toolName, "@PromptTool method " + origin, declared, claimedBy);
        parameters.check(origin, method, toolName);
        Method invocable = AopUtils.selectInvocableMethod(method, beanFactory.getType(beanName));
        ToolMethodInvoker invoker = new ToolMethodInvoker(() -> beanFactory.getBean(beanName), invocable, toolName);
        SpelApprovalCheck approval = annotation.requiresApproval().isEmpty() ? null
                : SpelApprovalCheck.of(origin, annotation.requiresApproval(), annotation.approvalMessage());
        catalog.add(toolName, new ToolBinding(executorFor(invoker, invocable), approval, origin));
    }

    /** A reactive method on the caller's thread; any other on the blocking threads, since it may block. */
    private LocalToolExecutor executorFor(ToolMethodInvoker invoker, Method method) {
        Class<?> returned = method.getReturnType();
        return Publisher.class.isAssignableFrom(returned) || CompletionStage.class.isAssignableFrom(returned)
                ? LocalToolExecutor.nonBlocking(invoker) : new LocalToolExecutor(invoker, blockingThreads);
    }
}
