/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.release;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The project's sources copied for a release rehearsal, with the release version set in every POM as the release
 * procedure sets it: build output, the git folder and the benchmarks stay behind.
 */
final class SourceCopy {

    private static final Set<String> LEFT_OUT = Set.of("target", ".git", "node_modules", ".idea", ".vscode");

    private SourceCopy() {
    }

    /** Copies {@code root} to {@code copy} and changes {@code <version>snapshot</version>} to the release. */
    static void copyAsRelease(Path root, Path copy, String snapshotVersion, String releaseVersion) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    if (!dir.equals(root) && (LEFT_OUT.contains(name) || dir.equals(root.resolve("benchmarks")))) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    Files.createDirectories(copy.resolve(root.relativize(dir)));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    if (LEFT_OUT.contains(file.getFileName().toString())) {
                        return FileVisitResult.CONTINUE;
                    }
                    Path target = copy.resolve(root.relativize(file));
                    if (file.getFileName().toString().equals("pom.xml")) {
                        String pom = Files.readString(file, StandardCharsets.UTF_8);
                        Files.writeString(target, pom.replace("<version>" + snapshotVersion + "</version>",
                                "<version>" + releaseVersion + "</version>"), StandardCharsets.UTF_8);
                    }
                    else {
                        Files.copy(file, target);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot copy " + root + " to " + copy + ": " + ex.getMessage(), ex);
        }
    }

    /** Deletes {@code directory} and everything in it, if it exists. */
    static void delete(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot delete " + directory + ": " + ex.getMessage(), ex);
        }
    }
}
