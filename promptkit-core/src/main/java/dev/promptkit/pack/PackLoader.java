/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.node.ObjectNode;

/**
 * Loads PromptPack documents (JSON, format v1.4.0) from files, classpath resources and streams.
 *
 * <p>Loading reads at most {@value #MAX_PACK_BYTES} bytes, parses the JSON (nesting at most 100 levels, no duplicate
 * keys), validates it against the bundled PromptPack JSON Schema unless {@link Options} say otherwise, maps it onto
 * {@link Pack}, and checks what the schema cannot: tools are stored under their own names, system templates name only
 * fragments the pack defines, and variable patterns compile. Every failure is a {@link PackException} naming the
 * source; schema and consistency failures list every violation with its JSON pointer. What loads but may not work as
 * meant (a prompt naming a tool the pack does not define) is kept on {@link Pack#warnings()} and logged once at WARN
 * per load. The loader keeps no state besides the compiled schema, and is thread-safe.
 *
 * @since 0.1.0
 */
public final class PackLoader {

    /** The largest pack document accepted: 10 MiB. */
    public static final int MAX_PACK_BYTES = PackJson.MAX_DOCUMENT_BYTES;

    private static final Logger log = LoggerFactory.getLogger(PackLoader.class);

    private static final String CLASSPATH_PREFIX = "classpath:";

    private PackLoader() {
    }

    /** How to load: {@link #DEFAULTS} validates against the schema; {@link #SKIP_SCHEMA_VALIDATION} does not. */
    public record Options(boolean validateSchema) {

        public static final Options DEFAULTS = new Options(true);

        /** For trusted packs, or packs written for a newer format: unknown keys are ignored, type errors still fail. */
        public static final Options SKIP_SCHEMA_VALIDATION = new Options(false);
    }

    /** Loads the pack file at {@code path}. */
    public static Pack load(Path path) {
        return load(path, Options.DEFAULTS);
    }

    /** Loads the pack file at {@code path}. */
    public static Pack load(Path path, Options options) {
        String source = path.toString();
        if (Files.isDirectory(path)) {
            throw new PackException(source, "this is a directory, not a pack file");
        }
        try (InputStream in = Files.newInputStream(path)) {
            return load(read(in, source), source, options);
        }
        catch (NoSuchFileException ex) {
            throw new PackNotFoundException(source);
        }
        catch (IOException ex) {
            throw new PackException(source, "cannot read the file: " + ex, ex);
        }
    }

    /** Loads a pack from the classpath of the thread's context class loader; a {@code classpath:} prefix is allowed. */
    public static Pack loadResource(String location) {
        ClassLoader classLoader = Thread.currentThread().getContextClassLoader();
        return loadResource(location, classLoader != null ? classLoader : PackLoader.class.getClassLoader());
    }

    /** Loads a pack from the classpath of {@code classLoader}; a {@code classpath:} prefix is allowed. */
    public static Pack loadResource(String location, ClassLoader classLoader) {
        String name = location.startsWith(CLASSPATH_PREFIX) ? location.substring(CLASSPATH_PREFIX.length()) : location;
        name = name.startsWith("/") ? name.substring(1) : name;
        String source = CLASSPATH_PREFIX + name;
        try (InputStream in = classLoader.getResourceAsStream(name)) {
            if (in == null) {
                throw new PackNotFoundException(source, "no such classpath resource");
            }
            return load(read(in, source), source, Options.DEFAULTS);
        }
        catch (IOException ex) {
            throw new PackException(source, "cannot read the resource: " + ex, ex);
        }
    }

    /** Loads a pack from {@code in}, which is read but not closed; {@code sourceName} names the pack in errors. */
    public static Pack load(InputStream in, String sourceName) {
        return load(in, sourceName, Options.DEFAULTS);
    }

    /** Loads a pack from {@code in}, which is read but not closed; {@code sourceName} names the pack in errors. */
    public static Pack load(InputStream in, String sourceName, Options options) {
        try {
            return load(read(in, sourceName), sourceName, options);
        }
        catch (IOException ex) {
            throw new PackException(sourceName, "cannot read the stream: " + ex, ex);
        }
    }

    private static Pack load(byte[] document, String source, Options options) {
        Objects.requireNonNull(options, "options");
        ObjectNode tree = PackReader.parse(document, source);
        if (options.validateSchema()) {
            reject(source, schemaViolations(tree, source), "schema violation", "schema violations");
        }
        Pack pack = bind(tree, source);
        PackConsistency.Findings findings = PackConsistency.check(pack);
        reject(source, findings.violations(), "inconsistency", "inconsistencies");
        List<PackWarning> warnings = findings.warnings().stream()
                .map(found -> new PackWarning(source, found.pointer(), found.message())).toList();
        warnings.forEach(warning -> log.warn("Pack warning: {}", warning));
        return pack.withWarnings(warnings);
    }

    /**
     * The schema validator reads some numbers as {@code long} and fails on one beyond that range (such as {@code 1e300}
     * where the schema sets a {@code minimum}) instead of reporting a violation.
     */
    private static List<Violation> schemaViolations(ObjectNode tree, String source) {
        try {
            return PackSchema.violations(tree);
        }
        catch (JacksonException ex) {
            throw new PackException(source, "the schema validator cannot check a value (a number out of range?): "
                    + ex.getOriginalMessage(), ex);
        }
    }

    private static byte[] read(InputStream in, String source) throws IOException {
        byte[] document = in.readNBytes(MAX_PACK_BYTES + 1);
        if (document.length > MAX_PACK_BYTES) {
            throw new PackException(source, "the document is larger than the limit of " + MAX_PACK_BYTES + " bytes");
        }
        return document;
    }

    private static Pack bind(ObjectNode tree, String source) {
        try {
            return PackJson.MAPPER.treeToValue(tree, Pack.class);
        }
        catch (JacksonException ex) {
            JsonPointer at = JsonPointer.empty();
            for (JacksonException.Reference reference : ex.getPath()) {
                at = reference.getPropertyName() != null ? at.appendProperty(reference.getPropertyName())
                        : at.appendIndex(reference.getIndex());
            }
            String pointer = at.toString().isEmpty() ? "/" : at.toString();
            throw new PackException(source, "unexpected value at " + pointer + ": " + ex.getOriginalMessage(), ex);
        }
    }

    private static void reject(String source, List<Violation> violations, String one, String many) {
        if (!violations.isEmpty()) {
            String summary = violations.size() + " " + (violations.size() == 1 ? one : many);
            throw new PackException(source, summary, violations.stream().map(Violation::toString).toList(), null);
        }
    }
}
