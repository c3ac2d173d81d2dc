/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.pack;

import dev.promptkit.autoconfigure.PromptKitProperties;
import dev.promptkit.pack.Pack;
import dev.promptkit.pack.PackException;
import dev.promptkit.pack.PackLoader;
import dev.promptkit.pack.PackNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

/** Loads the packs named in the properties, or finds them on the class path. */
final class PackResources {

    /** Where packs are looked for when {@code promptkit.pack} and {@code promptkit.packs} are unset. */
    static final String[] DEFAULT_LOCATIONS = { "classpath*:*.pack.json", "classpath*:packs/*.pack.json" };
    private static final String SUFFIX = ".pack.json";

    private final ResourcePatternResolver resources;
    private final PackLoader.Options options;

    PackResources(ResourcePatternResolver resources, boolean skipSchemaValidation) {
        this.resources = resources;
        this.options = skipSchemaValidation ? PackLoader.Options.SKIP_SCHEMA_VALIDATION : PackLoader.Options.DEFAULTS;
    }

    PromptPacks load(PromptKitProperties properties) {
        Map<String, Pack> packs = new LinkedHashMap<>();
        String defaultName = null;
        if (properties.pack() != null) {
            Resource resource = resources.getResource(properties.pack());
            defaultName = nameOf(resource);
            packs.put(defaultName, load(resource, properties.pack(), "promptkit.pack"));
        }
        properties.packs().forEach((name, location) -> packs.put(name, load(resources.getResource(location), location,
                "promptkit.packs." + name)));
        if (packs.isEmpty()) {
            found().forEach((location, resource) -> packs.putIfAbsent(nameOf(resource), load(resource, location, null)));
        }
        if (packs.isEmpty()) {
            throw new PackNotFoundException(String.join(", ", DEFAULT_LOCATIONS), "no pack found: set promptkit.pack "
                    + "(for example classpath:assistant.pack.json) or put a *.pack.json file in src/main/resources");
        }
        if (defaultName == null && packs.size() == 1) {
            defaultName = packs.keySet().iterator().next();
        }
        return new PromptPacks(packs, defaultName);
    }

    /** The packs found on the class path by their {@code classpath:} location, sorted by name. */
    private Map<String, Resource> found() {
        Map<String, Resource> found = new TreeMap<>(Comparator.comparing(PackResources::fileName)
                .thenComparing(Comparator.naturalOrder()));
        for (String pattern : DEFAULT_LOCATIONS) {
            String path = pattern.substring("classpath*:".length());
            String folder = path.substring(0, path.lastIndexOf('/') + 1);
            try {
                for (Resource resource : resources.getResources(pattern)) {
                    found.putIfAbsent("classpath:" + folder + resource.getFilename(), resource);
                }
            }
            catch (IOException ex) {
                throw new PackException(pattern, "cannot search the class path: " + ex.getMessage(), ex);
            }
        }
        return found;
    }

    private static String fileName(String location) {
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private Pack load(Resource resource, String location, String property) {
        if (!resource.exists()) {
            throw new PackNotFoundException(location, "no such resource (" + property + ")");
        }
        try (InputStream in = resource.getInputStream()) {
            return PackLoader.load(in, location, options);
        }
        catch (IOException ex) {
            throw new PackException(location, "cannot read it: " + ex.getMessage(), ex);
        }
    }

    private static String nameOf(Resource resource) {
        String file = resource.getFilename() == null ? "pack" : resource.getFilename();
        return file.endsWith(SUFFIX) ? file.substring(0, file.length() - SUFFIX.length()) : file;
    }
}
