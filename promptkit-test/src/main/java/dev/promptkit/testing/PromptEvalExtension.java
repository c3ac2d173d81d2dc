/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.testing;

import dev.promptkit.eval.EvalContext;
import dev.promptkit.pack.Pack;
import dev.promptkit.provider.mock.MockProvider;
import dev.promptkit.recording.SessionRecording;
import dev.promptkit.sdk.Conversation;
import dev.promptkit.sdk.ConversationOptions;
import dev.promptkit.sdk.PromptKit;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link PromptEval}: scores the annotation's turns with an {@link EvalRunner} once per
 * test method, passes the {@link EvalReport} to the method when it asks for one, and after the method has run fails
 * the test with the report when an eval is under its threshold.
 *
 * @since 0.1.0
 */
public final class PromptEvalExtension implements ParameterResolver, InvocationInterceptor {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(PromptEvalExtension.class);

    /** Creates the extension; JUnit does, through {@link PromptEval}. */
    public PromptEvalExtension() {
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == EvalReport.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return report(context);
    }

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
            ExtensionContext context) throws Throwable {
        EvalReport report = report(context);
        invocation.proceed();
        report.assertPassed();
    }

    private static EvalReport report(ExtensionContext context) {
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(EvalReport.class, key -> evaluate(context),
                EvalReport.class);
    }

    private static EvalReport evaluate(ExtensionContext context) {
        PromptEval settings = settings(context);
        Pack pack = Locations.pack(settings.pack(), context);
        List<EvalContext> turns = new ArrayList<>();
        for (String recording : settings.recordings()) {
            turns.addAll(EvalTurns.of(SessionRecording.read(Locations.file(recording, context))));
        }
        if (!settings.script().isEmpty()) {
            turns.addAll(scripted(pack, settings));
        }
        else if (settings.inputs().length > 0) {
            throw new ExtensionConfigurationException("@PromptEval inputs need a script to answer them");
        }
        if (turns.isEmpty()) {
            throw new ExtensionConfigurationException("@PromptEval has no turns to score: give recordings, or a "
                    + "script and inputs");
        }
        return EvalRunner.forPrompt(pack, settings.prompt()).run(turns);
    }

    private static List<EvalContext> scripted(Pack pack, PromptEval settings) {
        MockProvider provider = MockProvider.builder().script(Locations.script(settings.script())).build();
        List<EvalContext> turns = new ArrayList<>();
        try (Conversation conversation = PromptKit.open(pack, settings.prompt(),
                ConversationOptions.builder().provider(provider).build())) {
            for (String input : settings.inputs()) {
                turns.add(EvalTurns.of(input, conversation.send(input)));
            }
        }
        return turns;
    }

    private static PromptEval settings(ExtensionContext context) {
        Optional<PromptEval> found = context.getTestMethod()
                .flatMap(method -> AnnotationSupport.findAnnotation(method, PromptEval.class));
        if (found.isEmpty()) {
            found = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), PromptEval.class);
        }
        return found.orElseThrow(() -> new ExtensionConfigurationException(
                "PromptEvalExtension needs @PromptEval(pack, prompt) on the test method or class"));
    }
}
