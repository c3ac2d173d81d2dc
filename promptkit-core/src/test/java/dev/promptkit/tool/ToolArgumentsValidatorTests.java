/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.types.ToolDescriptor;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class ToolArgumentsValidatorTests {

    private static final JsonMapper json = JsonMapper.shared();

    private static ObjectNode schemaRequiring(String field) {
        return (ObjectNode) json.readTree("""
                {"type": "object", "properties": {"%s": {"type": "string"}}, "required": ["%s"]}
                """.formatted(field, field));
    }

    @Test
    void equalSchemasOfTwoRegistriesAreCompiledOnce() {
        ObjectNode first = schemaRequiring("order_id_shared");
        ObjectNode second = schemaRequiring("order_id_shared");

        assertThat(ToolArgumentsValidator.compiled(second)).isSameAs(ToolArgumentsValidator.compiled(first));
    }

    @Test
    void schemasThatDifferAreCheckedEachByItsOwnRules() {
        ToolDescriptor orders = new ToolDescriptor("lookup_order", "", schemaRequiring("order_id"));
        ToolDescriptor customers = new ToolDescriptor("lookup_customer", "", schemaRequiring("customer_id"));
        JsonNode orderArguments = json.readTree("{\"order_id\": \"12345\"}");

        assertThat(ToolArgumentsValidator.violations(orders, orderArguments)).isEmpty();
        assertThat(ToolArgumentsValidator.violations(customers, orderArguments)).singleElement().asString()
                .contains("customer_id");
    }

    @Test
    void aSchemaChangedAfterItsFirstUseIsCheckedAsItIsNow() {
        ObjectNode schema = schemaRequiring("first_field");
        ToolDescriptor tool = new ToolDescriptor("changing", "", schema);
        JsonNode arguments = json.readTree("{\"first_field\": \"a\"}");
        assertThat(ToolArgumentsValidator.violations(tool, arguments)).isEmpty();

        schema.putArray("required").add("second_field");

        assertThat(ToolArgumentsValidator.violations(tool, arguments)).singleElement().asString()
                .contains("second_field");
    }

    @Test
    void theCacheNeverHoldsMoreThanItsLimit() {
        for (int i = 0; i <= ToolArgumentsValidator.MAX_COMPILED; i++) {
            ToolArgumentsValidator.compiled(schemaRequiring("field_" + i));
        }

        assertThat(ToolArgumentsValidator.compiledCount()).isBetween(1, ToolArgumentsValidator.MAX_COMPILED);
        assertThat(ToolArgumentsValidator.violations(new ToolDescriptor("t", "", schemaRequiring("field_0")),
                json.readTree("{}"))).singleElement().asString().contains("field_0");
    }
}
