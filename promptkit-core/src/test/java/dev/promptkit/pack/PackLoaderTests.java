/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How {@link PackLoader} reports each way a pack can be missing, malformed, invalid or inconsistent. */
class PackLoaderTests {

    private static final String SOURCE = "test.pack.json";

    @TempDir
    Path dir;

    @Test
    void loadsAFileAResourceAndAStream() throws IOException {
        Path file = write("ok.pack.json", pack(prompt("chat", "Hi {{name}}.")));

        assertThat(PackLoader.load(file).id()).isEqualTo("test-pack");
        assertThat(PackLoader.loadResource("classpath:/packs/hello-hello.pack.json").id()).isEqualTo("hello-example");
        assertThat(PackLoader.loadResource("packs/hello-hello.pack.json", getClass().getClassLoader()).id())
                .isEqualTo("hello-example");
        try (InputStream in = Files.newInputStream(file)) {
            assertThat(PackLoader.load(in, "stream").prompt("chat")).isPresent();
        }
    }

    @Test
    void reportsAMissingFile() {
        Path missing = dir.resolve("nope.pack.json");

        assertThatThrownBy(() -> PackLoader.load(missing))
                .isInstanceOf(PackNotFoundException.class)
                .hasMessage("Invalid pack " + missing + ": no such file")
                .asInstanceOf(type(PackException.class))
                .satisfies(ex -> assertThat(ex.path()).isEqualTo(missing.toString()));
    }

    @Test
    void reportsAMissingResource() {
        assertThatThrownBy(() -> PackLoader.loadResource("packs/nope.pack.json"))
                .isInstanceOf(PackNotFoundException.class)
                .hasMessage("Invalid pack classpath:packs/nope.pack.json: no such classpath resource");
    }

    @Test
    void reportsADirectory() {
        assertThatThrownBy(() -> PackLoader.load(dir))
                .isExactlyInstanceOf(PackException.class)
                .hasMessage("Invalid pack " + dir + ": this is a directory, not a pack file");
    }

    @Test
    void reportsAnEmptyFile() throws IOException {
        Path empty = write("empty.pack.json", "");
        Path blank = write("blank.pack.json", " \n\t\r\n");

        assertThatThrownBy(() -> PackLoader.load(empty))
                .isExactlyInstanceOf(PackException.class)
                .hasMessage("Invalid pack " + empty + ": the document is empty");
        assertThatThrownBy(() -> PackLoader.load(blank)).hasMessage("Invalid pack " + blank + ": the document is empty");
    }

    @Test
    void reportsTruncatedJsonWithLineAndColumn() throws IOException {
        String lastLine = "  \"prompts\": { \"chat\": { \"id\": \"chat\"";
        Path truncated = write("truncated.pack.json", """
                {
                  "id": "test-pack",
                  "name": "Test pack",
                  "version": "1.0.0",
                  "template_engine": { "version": "v1", "syntax": "{{variable}}" },
                """ + lastLine);

        assertThatThrownBy(() -> PackLoader.load(truncated))
                .isExactlyInstanceOf(PackException.class)
                .hasMessage("Invalid pack " + truncated + ": malformed JSON at line 6, column "
                        + (lastLine.length() + 1) + ": Unexpected end-of-input: expected close marker for Object");
    }

    @Test
    void reportsSyntaxErrorsDuplicateKeysAndTrailingContent() {
        assertThatThrownBy(() -> load("{\n  \"id\": \"a\",\n  \"name\": ,\n}"))
                .hasMessage("Invalid pack test.pack.json: malformed JSON at line 3, column 11: "
                        + "Unexpected character (',' (code 44)): expected a value");
        assertThatThrownBy(() -> load("{\"id\": \"a\", \"id\": \"b\"}"))
                .hasMessageStartingWith("Invalid pack test.pack.json: malformed JSON at line 1, column ")
                .hasMessageEndingWith("Duplicate Object property \"id\"");
        assertThatThrownBy(() -> load(pack(prompt("chat", "Hi.")) + " {}"))
                .hasMessage("Invalid pack test.pack.json: malformed JSON at line 14, column 3: "
                        + "unexpected content after the end of the document");
    }

    @Test
    void reportsARootThatIsNotAnObject() {
        assertThatThrownBy(() -> load("[1, 2]"))
                .hasMessage("Invalid pack test.pack.json: the document must be a JSON object, not an array");
        assertThatThrownBy(() -> load("\"pack\""))
                .hasMessage("Invalid pack test.pack.json: the document must be a JSON object, not a string");
    }

    @Test
    void reportsAWrongType() {
        assertThatThrownBy(() -> load(pack("[]")))
                .isExactlyInstanceOf(PackException.class)
                .hasMessage("Invalid pack test.pack.json: 1 schema violation" + System.lineSeparator()
                        + "  /prompts: array found, object expected")
                .asInstanceOf(type(PackException.class))
                .satisfies(ex -> assertThat(ex.violations()).containsExactly("/prompts: array found, object expected"));
    }

    @Test
    void reportsAWrongTypeWithThePointerWhenSchemaValidationIsSkipped() {
        String json = pack("""
                { "chat": { "id": "chat", "name": "Chat", "version": "1.0.0", "system_template": "Hi.",
                            "variables": [ { "name": "a", "type": "string", "required": false },
                                           { "name": "b", "type": "string", "required": { "yes": 1 } } ] } }""");

        assertThatThrownBy(() -> load(json, PackLoader.Options.SKIP_SCHEMA_VALIDATION))
                .isExactlyInstanceOf(PackException.class)
                .hasMessageStartingWith("Invalid pack test.pack.json: unexpected value at "
                        + "/prompts/chat/variables/1/required: ")
                .hasMessageContaining("boolean");
    }

    @Test
    void reportsANumberBeyondTheSchemaValidatorsRange() {
        String json = pack(prompt("chat", "Hi.", "\"tool_policy\": { \"max_rounds\": 1e300 }"));

        assertThatThrownBy(() -> load(json))
                .isExactlyInstanceOf(PackException.class)
                .hasMessageStartingWith("Invalid pack test.pack.json: the schema validator cannot check a value")
                .hasMessageContaining("1.0E300");
    }

    @Test
    void reportsANullPromptWhenSchemaValidationIsSkipped() {
        assertThatThrownBy(() -> load(pack("{ \"chat\": null }"), PackLoader.Options.SKIP_SCHEMA_VALIDATION))
                .isExactlyInstanceOf(PackException.class)
                .asInstanceOf(type(PackException.class))
                .satisfies(ex -> assertThat(ex.violations()).containsExactly("/prompts/chat: must be a prompt, not null"));
    }

    @Test
    void reportsABadPatternWithItsPointer() {
        String json = pack("""
                { "chat": { "id": "chat", "name": "Chat", "version": "1.0.0", "system_template": "Hi {{1x}}.",
                            "variables": [ { "name": "1x", "type": "string", "required": true } ] } }""");

        assertThatThrownBy(() -> load(json))
                .asInstanceOf(type(PackException.class))
                .satisfies(ex -> assertThat(ex.violations()).containsExactly(
                        "/prompts/chat/variables/0/name: does not match the regex pattern ^[a-zA-Z_][a-zA-Z0-9_]*$"));
    }

    @Test
    void listsEveryViolationSortedByPointer() {
        String json = """
                {
                  "id": "Not-Valid",
                  "name": "Broken",
                  "version": "one",
                  "template_engine": { "version": "v1" },
                  "prompts": {
                    "chat": {
                      "id": "chat", "name": "Chat", "version": "1.0.0", "system_template": "",
                      "variables": [ { "name": "ok", "type": "string", "required": true },
                                     { "name": "a b", "type": "string", "required": true } ],
                      "tool_policy": { "tool_choice": "sometimes", "max_rounds": 0 },
                      "parameters": { "temperature": 3 }
                    }
                  },
                  "surprise": true
                }""";

        assertThatThrownBy(() -> load(json))
                .hasMessageStartingWith("Invalid pack test.pack.json: 9 schema violations" + System.lineSeparator())
                .asInstanceOf(type(PackException.class))
                .satisfies(ex -> assertThat(ex.violations()).containsExactly(
                        "/id: does not match the regex pattern ^[a-z][a-z0-9-]*$",
                        "/prompts/chat/parameters/temperature: must have a maximum value of 2",
                        "/prompts/chat/system_template: must be at least 1 characters long",
                        "/prompts/chat/tool_policy/max_rounds: must have a minimum value of 1",
                        "/prompts/chat/tool_policy/tool_choice: does not have a value in the enumeration "
                                + "[\"auto\", \"required\", \"none\"]",
                        "/prompts/chat/variables/1/name: does not match the regex pattern ^[a-zA-Z_][a-zA-Z0-9_]*$",
                        "/surprise: property 'surprise' is not defined in the schema and the schema does not allow "
                                + "additional properties",
                        "/template_engine: required property 'syntax' not found",
                        "/version: does not match the regex pattern " + VERSION_PATTERN));
    }

    @Test
    void sortsArrayIndexesAsNumbers() {
        StringBuilder variables = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            variables.append(i == 0 ? "" : ",").append("{\"name\": \"v").append(i).append("\", \"type\": \"string\"")
                    .append(i == 2 || i == 10 ? "" : ", \"required\": false").append('}');
        }
        String json = pack("{ \"chat\": { \"id\": \"chat\", \"name\": \"Chat\", \"version\": \"1.0.0\", "
                + "\"system_template\": \"Hi.\", \"variables\": [" + variables + "] } }");

        assertThatThrownBy(() -> load(json))
                .asInstanceOf(type(PackException.class))
                .satisfies(ex -> assertThat(ex.violations()).containsExactly(
                        "/prompts/chat/variables/2: required property 'required' not found",
                        "/prompts/chat/variables/10: required property 'required' not found"));
    }

    @Test
    void ignoresUnknownKeysOnlyWhenSchemaValidationIsSkipped() {
        String json = pack(prompt("chat", "Hi.", "\"future_field\": 1"));

        assertThatThrownBy(() -> load(json)).hasMessageContaining("/prompts/chat/future_field: property");
        assertThat(load(json, PackLoader.Options.SKIP_SCHEMA_VALIDATION).prompt("chat")).isPresent();
    }

    @Test
    void rejectsADocumentOverTheSizeLimit() {
        byte[] huge = new byte[PackLoader.MAX_PACK_BYTES + 1];
        java.util.Arrays.fill(huge, (byte) ' ');

        assertThatThrownBy(() -> PackLoader.load(new ByteArrayInputStream(huge), "huge.pack.json"))
                .hasMessage("Invalid pack huge.pack.json: the document is larger than the limit of 10485760 bytes");
    }

    @Test
    void rejectsDeepNesting() {
        int depth = PackJson.MAX_NESTING_DEPTH + 1;
        String deep = "{\"id\": " + "[".repeat(depth) + "]".repeat(depth) + "}";

        assertThatThrownBy(() -> load(deep))
                .hasMessageStartingWith("Invalid pack test.pack.json: the document exceeds a parser limit: ")
                .hasMessageContaining("nesting depth");
    }

    private static final String VERSION_PATTERN = "^v?(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
            + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
            + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$";

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private static Pack load(String json) {
        return load(json, PackLoader.Options.DEFAULTS);
    }

    private static Pack load(String json, PackLoader.Options options) {
        return PackLoader.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), SOURCE, options);
    }

    /** A valid pack around {@code prompts}, with optional extra top-level members. */
    static String pack(String prompts, String... members) {
        StringBuilder extra = new StringBuilder();
        for (String member : members) {
            extra.append(",\n  ").append(member);
        }
        return """
                {
                  "id": "test-pack",
                  "name": "Test pack",
                  "version": "1.0.0",
                  "template_engine": { "version": "v1", "syntax": "{{variable}}" },
                  "prompts": %s%s
                }""".formatted(prompts, extra);
    }

    /** A {@code prompts} map holding one valid prompt, with optional extra members. */
    static String prompt(String key, String systemTemplate, String... members) {
        StringBuilder extra = new StringBuilder();
        for (String member : members) {
            extra.append(", ").append(member);
        }
        return """
                {
                    "%s": {
                      "id": "%s",
                      "name": "Test prompt",
                      "version": "1.0.0",
                      "system_template": "%s"%s
                    }
                  }""".formatted(key, key, systemTemplate, extra);
    }
}
