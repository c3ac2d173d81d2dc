package dev.promptkit.pack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Loads packs. (Interim version: maps JSON without schema validation.) */
public final class PackLoader {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private PackLoader() {
    }

    public static Pack load(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new PackNotFoundException(path.toString());
        }
        try {
            return JSON.readValue(Files.readString(path), Pack.class);
        }
        catch (IOException | RuntimeException ex) {
            throw new PackException(path.toString(), ex.getMessage(), ex);
        }
    }
}
