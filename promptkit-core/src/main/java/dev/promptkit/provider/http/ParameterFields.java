/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.http;

import dev.promptkit.types.ModelParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.node.ObjectNode;

/**
 * One vendor's field names for the {@link ModelParameters}. {@link #write} puts each parameter a request
 * sets under its name, in the order the names were given; a parameter without a name has no equivalent in
 * the vendor's API and is not sent.
 *
 * <pre>{@code
 * ParameterFields options = ParameterFields.builder().temperature("temperature").topP("top_p")
 *         .maxTokens("num_predict").build();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class ParameterFields {

    private final List<Field> fields;

    private ParameterFields(List<Field> fields) {
        this.fields = List.copyOf(fields);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Puts every parameter that is set and has a name into {@code target}. */
    public void write(ModelParameters parameters, ObjectNode target) {
        for (Field field : fields) {
            Number value = field.value().apply(parameters);
            if (value instanceof Double number) {
                target.put(field.name(), number);
            }
            else if (value instanceof Integer number) {
                target.put(field.name(), number);
            }
            else if (value instanceof Long number) {
                target.put(field.name(), number);
            }
        }
    }

    private record Field(String name, Function<ModelParameters, Number> value) {
    }

    /** Names the parameters one by one; the order of the calls is the order of the fields. */
    public static final class Builder {

        private final List<Field> fields = new ArrayList<>();

        private Builder() {
        }

        public Builder temperature(String name) {
            return add(name, ModelParameters::temperature);
        }

        public Builder maxTokens(String name) {
            return add(name, ModelParameters::maxTokens);
        }

        public Builder topP(String name) {
            return add(name, ModelParameters::topP);
        }

        public Builder topK(String name) {
            return add(name, ModelParameters::topK);
        }

        public Builder seed(String name) {
            return add(name, ModelParameters::seed);
        }

        public Builder frequencyPenalty(String name) {
            return add(name, ModelParameters::frequencyPenalty);
        }

        public Builder presencePenalty(String name) {
            return add(name, ModelParameters::presencePenalty);
        }

        public ParameterFields build() {
            return new ParameterFields(fields);
        }

        private Builder add(String name, Function<ModelParameters, Number> value) {
            fields.add(new Field(name, value));
            return this;
        }
    }
}
