/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.tool;

import dev.promptkit.spring.ToolParam;
import dev.promptkit.tool.ContextualToolHandler;
import dev.promptkit.tool.ToolContext;
import dev.promptkit.tool.ToolException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Map;
import java.util.function.Supplier;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls a {@code @PromptTool} method with the call's arguments: each parameter takes the argument of
 * its name ({@link ToolParam} when the names differ), converted to the parameter's type with Jackson; a
 * {@link ToolContext} parameter takes the call's context. The bean is looked up on each call, so a
 * proxied bean (transactions, security) is called through its proxy.
 */
final class ToolMethodInvoker implements ContextualToolHandler {

    private static final JsonMapper JSON = JsonMapper.shared();

    private final Supplier<Object> bean;
    private final Method method;
    private final String toolName;
    private final String[] argumentNames;
    private final JavaType[] argumentTypes;

    ToolMethodInvoker(Supplier<Object> bean, Method method, String toolName) {
        this.bean = bean;
        this.method = method;
        this.toolName = toolName;
        Parameter[] parameters = method.getParameters();
        this.argumentNames = new String[parameters.length];
        this.argumentTypes = new JavaType[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            ToolParam named = parameters[i].getAnnotation(ToolParam.class);
            argumentNames[i] = named != null ? named.value() : parameters[i].getName();
            argumentTypes[i] = JSON.getTypeFactory().constructType(parameters[i].getParameterizedType());
        }
        method.setAccessible(true);
    }

    @Override
    public Object handle(ToolContext context, Map<String, Object> arguments) throws Exception {
        Object[] values = new Object[argumentNames.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = argumentTypes[i].getRawClass() == ToolContext.class ? context : argument(i, arguments);
        }
        try {
            return method.invoke(bean.get(), values);
        }
        catch (InvocationTargetException ex) {
            Throwable cause = ex.getCause();
            if (cause instanceof Exception exception) {
                throw exception;
            }
            throw ex;
        }
    }

    private Object argument(int index, Map<String, Object> arguments) {
        Object raw = arguments.get(argumentNames[index]);
        if (raw == null && !argumentTypes[index].isPrimitive()) {
            return null;
        }
        try {
            return JSON.convertValue(raw, argumentTypes[index]);
        }
        catch (RuntimeException ex) {
            throw new ToolException(toolName, "argument '" + argumentNames[index] + "' is not a valid "
                    + argumentTypes[index].getRawClass().getSimpleName() + ": " + ex.getMessage(), ex);
        }
    }
}
