/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.testing;

import dev.promptkit.pack.Pack;
import dev.promptkit.pack.PackLoader;
import dev.promptkit.provider.mock.MockScript;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/**
 * Where the test annotations' files are: classpath resources ({@code classpath:} prefix optional) or, with a
 * {@code file:} prefix, files.
 */
final class Locations {

    private static final String FILE_PREFIX = "file:";
    private static final String CLASSPATH_PREFIX = "classpath:";

    private Locations() {
    }

    static Pack pack(String location, ExtensionContext context) {
        if (location.startsWith(FILE_PREFIX)) {
            return PackLoader.load(Path.of(location.substring(FILE_PREFIX.length())));
        }
        return PackLoader.loadResource(resource(location), context.getRequiredTestClass().getClassLoader());
    }

    static MockScript script(String location) {
        if (location.isEmpty()) {
            return MockScript.EMPTY;
        }
        if (location.startsWith(FILE_PREFIX)) {
            return MockScript.load(Path.of(location.substring(FILE_PREFIX.length())));
        }
        return MockScript.fromClasspath(resource(location));
    }

    /** A file, or a classpath resource that is a file (as test resources are). */
    static Path file(String location, ExtensionContext context) {
        if (location.startsWith(FILE_PREFIX)) {
            return Path.of(location.substring(FILE_PREFIX.length()));
        }
        URL url = context.getRequiredTestClass().getClassLoader().getResource(resource(location));
        if (url == null || !"file".equals(url.getProtocol())) {
            throw new ExtensionConfigurationException("No file on the test class path at '" + location + "'"
                    + (url == null ? "" : " (it is in " + url + "; give a file: location)"));
        }
        try {
            return Path.of(url.toURI());
        }
        catch (URISyntaxException ex) {
            throw new ExtensionConfigurationException("Cannot read " + url, ex);
        }
    }

    private static String resource(String location) {
        return location.startsWith(CLASSPATH_PREFIX) ? location.substring(CLASSPATH_PREFIX.length()) : location;
    }
}
