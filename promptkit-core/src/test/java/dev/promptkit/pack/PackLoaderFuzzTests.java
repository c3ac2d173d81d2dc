/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ContainerNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Feeds {@link PackLoader} deterministic mutations of the real packs in {@code src/test/resources/packs}: truncation,
 * swapped JSON types, huge strings, deep nesting, invalid UTF-8 and flipped bytes. Every case must either load or fail
 * with a {@link PackException} whose message names the source, never another exception, and each batch must finish
 * within a time bound (which also catches a hang). The seeds are fixed, so a failure reproduces; its test name names the
 * pack, the mutation and the case number.
 */
class PackLoaderFuzzTests {

    /** A generous bound for one batch of cases (one mutation of one pack); a batch normally takes milliseconds. */
    private static final Duration BATCH_TIMEOUT = Duration.ofSeconds(10);

    private static final JsonMapper PLAIN = JsonMapper.builder().build();

    private static final Map<String, byte[]> PACKS = readPacks();

    @TestFactory
    Stream<DynamicTest> truncation() {
        return perPack("truncation", 5, (document, random) -> {
            int offset = random.nextInt(document.length);
            return Arrays.copyOf(document, offset);
        });
    }

    @TestFactory
    Stream<DynamicTest> swappedJsonTypes() {
        return perPack("swapped-type", 8, (document, random) -> {
            JsonNode root = PLAIN.readTree(document);
            List<JsonPointer> pointers = new ArrayList<>();
            collectPointers(root, JsonPointer.empty(), pointers);
            JsonPointer at = pointers.get(random.nextInt(pointers.size()));
            JsonNode replacement = switch (random.nextInt(6)) {
                case 0 -> JsonNodeFactory.instance.stringNode("swapped");
                case 1 -> JsonNodeFactory.instance.numberNode(random.nextInt(2) == 0 ? -1 : 1e300);
                case 2 -> JsonNodeFactory.instance.arrayNode().add("x").add(3);
                case 3 -> JsonNodeFactory.instance.objectNode().put("unexpected", true);
                case 4 -> JsonNodeFactory.instance.booleanNode(true);
                default -> JsonNodeFactory.instance.nullNode();
            };
            return PLAIN.writeValueAsBytes(replace(root, at, replacement));
        });
    }

    @TestFactory
    Stream<DynamicTest> hugeStrings() {
        int within = 3 * 1024 * 1024;
        int beyond = PackLoader.MAX_PACK_BYTES + 1024;
        return perPack("huge-string", 2, (document, random) -> {
            JsonNode root = PLAIN.readTree(document);
            List<JsonPointer> strings = new ArrayList<>();
            collectPointers(root, JsonPointer.empty(), strings);
            strings.removeIf(pointer -> !root.at(pointer).isString());
            JsonPointer at = strings.get(random.nextInt(strings.size()));
            int length = random.nextBoolean() ? within : beyond;
            String huge = "é".repeat(length / 4) + "x".repeat(length / 2);
            return PLAIN.writeValueAsBytes(replace(root, at, JsonNodeFactory.instance.stringNode(huge)));
        });
    }

    @TestFactory
    Stream<DynamicTest> deepNesting() {
        return perPack("deep-nesting", 2, (document, random) -> {
            int depth = 2_000 + random.nextInt(8_000);
            boolean arrays = random.nextBoolean();
            String open = arrays ? "[" : "{\"a\":";
            String close = arrays ? "]" : "}";
            String deep = open.repeat(depth) + "1" + close.repeat(depth);
            String text = new String(document, StandardCharsets.UTF_8);
            int brace = text.indexOf('{');
            return (text.substring(0, brace + 1) + "\"deep\":" + deep + "," + text.substring(brace + 1))
                    .getBytes(StandardCharsets.UTF_8);
        });
    }

    @TestFactory
    Stream<DynamicTest> invalidUtf8() {
        byte[][] sequences = {
                { (byte) 0xC3, 0x28 }, // a lead byte without its continuation
                { (byte) 0xFF }, // never valid
                { (byte) 0x80 }, // a lone continuation byte
                { (byte) 0xC0, (byte) 0xAF }, // an overlong '/'
                { (byte) 0xED, (byte) 0xA0, (byte) 0x80 }, // an encoded UTF-16 surrogate
                { (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80 }, // beyond U+10FFFF
                { (byte) 0xE2, (byte) 0x82 }, // a truncated three-byte sequence
        };
        return perPack("invalid-utf8", 4, (document, random) -> {
            byte[] sequence = sequences[random.nextInt(sequences.length)];
            // inside a string value where possible, so the parser has to decode it
            int offset = random.nextInt(document.length);
            int quote = indexOf(document, (byte) '"', offset);
            int at = quote < 0 ? offset : quote + 1;
            byte[] mutated = new byte[document.length + sequence.length];
            System.arraycopy(document, 0, mutated, 0, at);
            System.arraycopy(sequence, 0, mutated, at, sequence.length);
            System.arraycopy(document, at, mutated, at + sequence.length, document.length - at);
            return mutated;
        });
    }

    @TestFactory
    Stream<DynamicTest> byteFlips() {
        return perPack("byte-flips", 5, (document, random) -> {
            byte[] mutated = document.clone();
            int flips = 1 + random.nextInt(4);
            for (int i = 0; i < flips; i++) {
                int offset = random.nextInt(mutated.length);
                mutated[offset] = (byte) (mutated[offset] ^ (1 << random.nextInt(8)));
            }
            return mutated;
        });
    }

    @TestFactory
    Stream<DynamicTest> everyPackLoadsUnmutated() {
        return perPack("unmutated", 1, (document, random) -> document);
    }

    /** One dynamic test (a batch under one time bound) per pack, with {@code cases} mutations from a fixed seed. */
    private static Stream<DynamicTest> perPack(String mutation, int cases, Mutation mutate) {
        return PACKS.entrySet().stream().map(pack -> DynamicTest.dynamicTest(mutation + " of " + pack.getKey(), () -> {
            Random random = new Random((mutation + pack.getKey()).hashCode());
            assertTimeoutPreemptively(BATCH_TIMEOUT, () -> {
                for (int i = 0; i < cases; i++) {
                    byte[] mutated = mutate.apply(pack.getValue(), random);
                    String source = "fuzz/" + pack.getKey() + "#" + mutation + "-" + i;
                    loadsOrFailsWithAPackException(mutated, source, PackLoader.Options.DEFAULTS);
                    loadsOrFailsWithAPackException(mutated, source + "-unvalidated",
                            PackLoader.Options.SKIP_SCHEMA_VALIDATION);
                }
            }, () -> mutation + " of " + pack.getKey() + " did not finish within " + BATCH_TIMEOUT);
        }));
    }

    private static void loadsOrFailsWithAPackException(byte[] document, String source, PackLoader.Options options) {
        try {
            assertThat(PackLoader.load(new ByteArrayInputStream(document), source, options)).isNotNull();
        }
        catch (PackException ex) {
            assertThat(ex.getMessage()).as("the message of %s", ex).isNotBlank().contains(source);
            assertThat(ex.path()).isEqualTo(source);
        }
        catch (RuntimeException | StackOverflowError ex) {
            throw new AssertionError(source + " escaped as " + ex.getClass().getName() + " instead of a PackException: "
                    + ex.getMessage(), ex);
        }
    }

    @FunctionalInterface
    private interface Mutation extends BiFunction<byte[], Random, byte[]> {
    }

    private static void collectPointers(JsonNode node, JsonPointer at, List<JsonPointer> into) {
        if (!at.matches()) {
            into.add(at);
        }
        if (node.isObject()) {
            node.propertyNames().forEach(name -> collectPointers(node.get(name), at.appendProperty(name), into));
        }
        else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectPointers(node.get(i), at.appendIndex(i), into);
            }
        }
    }

    private static JsonNode replace(JsonNode root, JsonPointer at, JsonNode value) {
        JsonNode copy = root.deepCopy();
        ContainerNode<?> parent = (ContainerNode<?>) copy.at(at.head());
        if (parent instanceof ObjectNode object) {
            object.set(at.last().getMatchingProperty(), value);
        }
        else {
            ((ArrayNode) parent).set(at.last().getMatchingIndex(), value);
        }
        return copy;
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static Map<String, byte[]> readPacks() {
        URL url = PackLoaderFuzzTests.class.getClassLoader().getResource("packs");
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            Map<String, byte[]> packs = new TreeMap<>();
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".pack.json")).toList()) {
                packs.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
            assertThat(packs).hasSizeGreaterThan(10);
            return packs;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (URISyntaxException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
