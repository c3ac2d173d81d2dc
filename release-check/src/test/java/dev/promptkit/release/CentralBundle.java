/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.release;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The files of a Central Portal deployment bundle: a zip laid out as a Maven repository
 * ({@code dev/promptkit/promptkit-core/0.1.0/promptkit-core-0.1.0.jar}, ...), by path.
 */
final class CentralBundle {

    private final Map<String, byte[]> files;

    CentralBundle(Map<String, byte[]> files) {
        this.files = Collections.unmodifiableMap(new TreeMap<>(files));
    }

    /** Reads a bundle zip. */
    static CentralBundle read(byte[] zip) {
        Map<String, byte[]> files = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (!entry.isDirectory()) {
                    files.put(entry.getName(), in.readAllBytes());
                }
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("not a zip: " + ex.getMessage(), ex);
        }
        return new CentralBundle(files);
    }

    /** Every file, by path inside the bundle. */
    Map<String, byte[]> files() {
        return files;
    }

    /** The component folders ({@code group/path/artifactId/version}), each holding one POM. */
    List<String> components() {
        return files.keySet().stream().filter(path -> path.endsWith(".pom"))
                .map(path -> path.substring(0, path.lastIndexOf('/'))).distinct().toList();
    }

    /** Writes the bundle's files under {@code directory}, which then works as a file-based Maven repository. */
    void unpackTo(Path directory) {
        try {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Path target = directory.resolve(file.getKey()).normalize();
                if (!target.startsWith(directory)) {
                    throw new IllegalStateException("bundle path leaves the repository: " + file.getKey());
                }
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue());
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
