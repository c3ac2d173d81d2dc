/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.testing;

import dev.promptkit.provider.mock.MockProvider;
import dev.promptkit.sdk.Conversation;
import dev.promptkit.sdk.ConversationOptions;
import dev.promptkit.sdk.PromptKit;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Modifier;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link MockConversation}: resolves {@link Conversation} and {@link MockProvider}
 * parameters of test methods, opening one conversation per test method (shared by both parameters) and closing it
 * after the test. Register it through the annotation, which names the pack, prompt and script.
 *
 * @since 0.1.0
 */
public final class MockConversationExtension implements ParameterResolver, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(MockConversationExtension.class);

    /** Creates the extension; JUnit does, through {@link MockConversation}. */
    public MockConversationExtension() {
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Conversation.class || type == MockProvider.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        OpenedConversation opened = context.getStore(NAMESPACE)
                .computeIfAbsent(OpenedConversation.class, key -> open(context), OpenedConversation.class);
        return parameter.getParameter().getType() == MockProvider.class ? opened.provider() : opened.conversation();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        OpenedConversation opened = context.getStore(NAMESPACE).remove(OpenedConversation.class,
                OpenedConversation.class);
        if (opened != null) {
            opened.conversation().close();
        }
    }

    private static OpenedConversation open(ExtensionContext context) {
        MockConversation settings = settings(context);
        MockProvider provider = MockProvider.builder().script(Locations.script(settings.script())).build();
        ConversationOptions.Builder options = ConversationOptions.builder().provider(provider);
        for (String entry : settings.variables()) {
            int equals = entry.indexOf('=');
            if (equals < 1) {
                throw new ExtensionConfigurationException("@MockConversation variables take name=value entries, got \""
                        + entry + "\" on " + context.getElement().map(Object::toString).orElse("the test"));
            }
            options.variable(entry.substring(0, equals), entry.substring(equals + 1));
        }
        Conversation conversation = PromptKit.open(Locations.pack(settings.pack(), context), settings.prompt(), options.build());
        return new OpenedConversation(conversation, provider);
    }

    private static MockConversation settings(ExtensionContext context) {
        Optional<MockConversation> found = context.getTestMethod().flatMap(MockConversationExtension::find);
        // the test class, then the classes a @Nested test class sits in
        for (Class<?> type = context.getRequiredTestClass(); found.isEmpty() && type != null;
                type = Modifier.isStatic(type.getModifiers()) ? null : type.getEnclosingClass()) {
            found = find(type);
        }
        return found.orElseThrow(() -> new ExtensionConfigurationException(
                "MockConversationExtension needs @MockConversation(pack, prompt) on the test method or class"));
    }

    private static Optional<MockConversation> find(AnnotatedElement element) {
        return AnnotationSupport.findAnnotation(element, MockConversation.class);
    }

    /** The conversation of one test method and the mock that answers it. */
    private record OpenedConversation(Conversation conversation, MockProvider provider) {
    }
}
