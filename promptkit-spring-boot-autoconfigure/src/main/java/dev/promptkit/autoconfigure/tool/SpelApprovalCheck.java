/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.tool;

import dev.promptkit.tool.ApprovalCheck;
import dev.promptkit.tool.PendingResult;
import java.util.Map;
import org.springframework.expression.Expression;
import org.springframework.expression.ParseException;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.SimpleEvaluationContext;

/**
 * Holds a call for approval when a SpEL expression over its arguments is true ({@code #amount > 1000}).
 * The expression is evaluated in a read-only context: no type references, constructors or bean access,
 * whatever values the model sends.
 */
final class SpelApprovalCheck implements ApprovalCheck {

    private static final SpelExpressionParser PARSER = new SpelExpressionParser();

    private final Expression expression;
    private final String source;
    private final String message;

    private SpelApprovalCheck(Expression expression, String source, String message) {
        this.expression = expression;
        this.source = source;
        this.message = message;
    }

    /**
     * The check of a {@code @PromptTool}'s {@code requiresApproval}.
     *
     * @throws ToolBindingException naming the method when the expression does not parse
     */
    static SpelApprovalCheck of(String origin, String expression, String message) {
        try {
            return new SpelApprovalCheck(PARSER.parseExpression(expression), expression, message);
        }
        catch (ParseException invalid) {
            throw new ToolBindingException("requiresApproval \"" + expression + "\" of @PromptTool method " + origin
                    + " is not a valid SpEL expression: " + invalid.getMessage(), "Correct the expression; it reads "
                    + "the call's arguments as variables, for example #amount > 1000.", invalid);
        }
    }

    @Override
    public PendingResult check(Map<String, Object> arguments) {
        SimpleEvaluationContext context = SimpleEvaluationContext.forReadOnlyDataBinding().build();
        arguments.forEach(context::setVariable);
        Boolean held = expression.getValue(context, Boolean.class);
        if (!Boolean.TRUE.equals(held)) {
            return null;
        }
        return new PendingResult("requires_approval", message.isEmpty() ? "Approval needed: " + source : message);
    }
}
