/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The rules on bundles made here: a complete one passes, and each thing Central refuses is reported naming the file.
 * Signatures come from the gpg plugin's own BouncyCastle signer in the rehearsal; here a second throwaway key stands
 * for "signed by someone else".
 */
class CentralRulesTests {

    private static final ThrowawaySigningKey KEY = ThrowawaySigningKey.generate();
    private static final ThrowawaySigningKey OTHER_KEY = ThrowawaySigningKey.generate();
    private static final String BASE = "dev/promptkit/promptkit-core/1.0.0/promptkit-core-1.0.0";
    private static final String POM = """
            <project>
              <modelVersion>4.0.0</modelVersion>
              <groupId>dev.promptkit</groupId>
              <artifactId>promptkit-core</artifactId>
              <version>%s</version>
              <name>PromptKit Core</name>
              <description>The runtime.</description>
              <url>https://example.invalid/promptkit</url>
              <licenses><license><name>Apache-2.0</name><url>https://www.apache.org/licenses/LICENSE-2.0.txt</url></license></licenses>
              <developers><developer><name>The developers</name></developer></developers>
              <scm><url>https://example.invalid/promptkit</url><connection>scm:git:https://example.invalid/p.git</connection></scm>
            </project>
            """;

    private final CentralRules rules = new CentralRules(KEY);

    @Test
    void aCompleteSignedBundlePasses() {
        assertThat(rules.problems(new CentralBundle(complete("1.0.0")))).isEmpty();
    }

    @Test
    void aJarComponentNeedsItsSourcesAndJavadoc() {
        Map<String, byte[]> files = complete("1.0.0");
        files.keySet().removeIf(path -> path.startsWith(BASE + "-javadoc.jar"));

        assertThat(rules.problems(new CentralBundle(files)))
                .containsExactly(BASE + "-javadoc.jar: missing (a jar component needs its jar, sources and Javadoc)");
    }

    @Test
    void everyFileNeedsMatchingMd5AndSha1() {
        Map<String, byte[]> files = complete("1.0.0");
        files.remove(BASE + ".jar.md5");
        files.put(BASE + "-sources.jar.sha1", "0000".getBytes(StandardCharsets.US_ASCII));

        assertThat(rules.problems(new CentralBundle(files))).containsExactlyInAnyOrder(BASE + ".jar.md5: missing",
                BASE + "-sources.jar.sha1: does not match the file");
    }

    @Test
    void everyFileNeedsASignatureByTheReleaseKey() {
        Map<String, byte[]> files = complete("1.0.0");
        files.remove(BASE + ".pom.asc");
        files.put(BASE + ".jar.asc", sign(OTHER_KEY, files.get(BASE + ".jar")));
        files.put(BASE + "-javadoc.jar.asc", sign(KEY, "something else".getBytes(StandardCharsets.UTF_8)));

        assertThat(rules.problems(new CentralBundle(files))).containsExactlyInAnyOrder(
                BASE + ".pom.asc: missing (every file must be signed)",
                BASE + ".jar.asc: not a valid signature of the file by key " + KEY.keyId(),
                BASE + "-javadoc.jar.asc: not a valid signature of the file by key " + KEY.keyId());
    }

    @Test
    void aSnapshotIsRefused() {
        String snapshot = "dev/promptkit/promptkit-core/1.0.0-SNAPSHOT/promptkit-core-1.0.0-SNAPSHOT";
        Map<String, byte[]> files = new LinkedHashMap<>();
        complete("1.0.0-SNAPSHOT").forEach((path, content) -> files.put(path.replace(BASE, snapshot), content));

        assertThat(rules.problems(new CentralBundle(files)))
                .containsExactly(snapshot + ".pom: version 1.0.0-SNAPSHOT is a snapshot: Central takes releases only");
    }

    @Test
    void aPomMustNameTheCoordinatesOfItsFolder() {
        Map<String, byte[]> files = complete("1.0.0");
        putSigned(files, BASE + ".pom", POM.formatted("1.0.1"));

        assertThat(rules.problems(new CentralBundle(files)))
                .containsExactly(BASE + ".pom: version is <1.0.1>, its folder says <1.0.0>");
    }

    @Test
    void aPomWithoutTheRequiredMetadataIsRefused() {
        Map<String, byte[]> files = complete("1.0.0");
        putSigned(files, BASE + ".pom", """
                <project>
                  <groupId>dev.promptkit</groupId><artifactId>promptkit-core</artifactId><version>1.0.0</version>
                  <parent><groupId>dev.promptkit</groupId><artifactId>promptkit-parent</artifactId><version>1.0.0</version></parent>
                </project>
                """);

        assertThat(rules.problems(new CentralBundle(files))).containsExactlyInAnyOrder(BASE + ".pom: no <name>",
                BASE + ".pom: no <description>", BASE + ".pom: no <url>",
                BASE + ".pom: no <licenses><license> with a name and URL",
                BASE + ".pom: no <developers><developer> with a name", BASE + ".pom: no <scm> with a URL and a connection",
                BASE + ".pom: its parent dev/promptkit/promptkit-parent/1.0.0/promptkit-parent-1.0.0.pom is not in the bundle");
    }

    @Test
    void anEmptyBundleIsRefused() {
        assertThat(rules.problems(new CentralBundle(Map.of()))).containsExactly(
                "the bundle holds no component (no .pom file)");
    }

    private static Map<String, byte[]> complete(String version) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        putSigned(files, BASE + ".pom", POM.formatted(version));
        putSigned(files, BASE + ".jar", "classes");
        putSigned(files, BASE + "-sources.jar", "sources");
        putSigned(files, BASE + "-javadoc.jar", "javadoc");
        return files;
    }

    private static void putSigned(Map<String, byte[]> files, String path, String text) {
        byte[] content = text.getBytes(StandardCharsets.UTF_8);
        files.put(path, content);
        files.put(path + ".asc", sign(KEY, content));
        files.put(path + ".md5", hex("MD5", content));
        files.put(path + ".sha1", hex("SHA-1", content));
    }

    private static byte[] hex(String algorithm, byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content))
                    .getBytes(StandardCharsets.US_ASCII);
        }
        catch (java.security.NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static byte[] sign(ThrowawaySigningKey key, byte[] content) {
        return key.sign(content);
    }
}
