/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure;

import dev.promptkit.sdk.Conversation;
import dev.promptkit.sdk.DuplexConversation;
import dev.promptkit.sdk.Workflow;
import dev.promptkit.spring.PromptConversation;
import dev.promptkit.spring.PromptWorkflow;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.config.BeanDefinitionHolder;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.DependencyDescriptor;
import org.springframework.beans.factory.support.AutowireCandidateResolver;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

/**
 * Answers every injection point annotated with {@link PromptConversation} with a new conversation on that prompt (and
 * every one annotated with {@link PromptWorkflow} with a new workflow of that pack), as
 * Spring answers {@code @Value} points: before it looks for beans. So an application's own {@code Conversation} beans
 * serve the plain injection points, and neither take the place of {@code @PromptConversation} ones nor switch them
 * off; {@code ObjectProvider<Conversation>} and {@code Optional<Conversation>} points with the annotation get a new
 * conversation each time. Every other question goes to the resolver it wraps.
 */
final class PromptConversationResolver implements AutowireCandidateResolver {

    private final AutowireCandidateResolver next;
    private final BeanFactory beanFactory;

    private PromptConversationResolver(AutowireCandidateResolver next, BeanFactory beanFactory) {
        this.next = next;
        this.beanFactory = beanFactory;
    }

    /** Puts a resolver in front of the bean factory's own (once). */
    static void install(ConfigurableListableBeanFactory beanFactory) {
        if (beanFactory instanceof DefaultListableBeanFactory factory
                && !(factory.getAutowireCandidateResolver() instanceof PromptConversationResolver)) {
            factory.setAutowireCandidateResolver(new PromptConversationResolver(factory.getAutowireCandidateResolver(),
                    factory));
        }
    }

    @Override
    public Object getSuggestedValue(DependencyDescriptor descriptor) {
        PromptWorkflow workflow = descriptor.getAnnotation(PromptWorkflow.class);
        if (workflow != null) {
            return workflow(descriptor, workflow);
        }
        PromptConversation wanted = descriptor.getAnnotation(PromptConversation.class);
        if (wanted == null) {
            return next.getSuggestedValue(descriptor);
        }
        Class<?> type = descriptor.getDependencyType();
        boolean duplex = type == DuplexConversation.class;
        if (!duplex && !type.isAssignableFrom(Conversation.class)) {
            throw new BeanCreationException("@PromptConversation injects a Conversation (turns) or a"
                    + " DuplexConversation (a live session), not a " + type.getName() + " (at " + descriptor + ")");
        }
        PromptConversationInjection injection = beanFactory.getBean(PromptConversationInjection.class);
        try {
            return duplex ? injection.openDuplex(wanted) : injection.open(wanted);
        }
        catch (RuntimeException failed) {
            throw new BeanCreationException("Cannot open the conversation of @PromptConversation(\""
                    + wanted.value() + "\") (at " + descriptor + "): " + failed.getMessage(), failed);
        }
    }

    private Object workflow(DependencyDescriptor descriptor, PromptWorkflow wanted) {
        if (!descriptor.getDependencyType().isAssignableFrom(Workflow.class)) {
            throw new BeanCreationException("@PromptWorkflow injects a Workflow, not a "
                    + descriptor.getDependencyType().getName() + " (at " + descriptor + ")");
        }
        try {
            return beanFactory.getBean(PromptConversationInjection.class).openWorkflow(wanted);
        }
        catch (RuntimeException failed) {
            throw new BeanCreationException("Cannot open the workflow of @PromptWorkflow(\"" + wanted.value()
                    + "\") (at " + descriptor + "): " + failed.getMessage(), failed);
        }
    }

    @Override
    public Object getLazyResolutionProxyIfNecessary(DependencyDescriptor descriptor, String beanName) {
        return next.getLazyResolutionProxyIfNecessary(descriptor, beanName);
    }

    @Override
    public Class<?> getLazyResolutionProxyClass(DependencyDescriptor descriptor, String beanName) {
        return next.getLazyResolutionProxyClass(descriptor, beanName);
    }

    @Override
    public boolean isAutowireCandidate(BeanDefinitionHolder holder, DependencyDescriptor descriptor) {
        return next.isAutowireCandidate(holder, descriptor);
    }

    @Override
    public boolean isRequired(DependencyDescriptor descriptor) {
        return next.isRequired(descriptor);
    }

    @Override
    public boolean hasQualifier(DependencyDescriptor descriptor) {
        return next.hasQualifier(descriptor);
    }

    @Override
    public String getSuggestedName(DependencyDescriptor descriptor) {
        return next.getSuggestedName(descriptor);
    }

    @Override
    public AutowireCandidateResolver cloneIfNecessary() {
        return new PromptConversationResolver(next.cloneIfNecessary(), beanFactory);
    }
}
