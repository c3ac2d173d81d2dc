/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.release;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What Maven Central requires of a deployment bundle before it publishes it (central.sonatype.org,
 * "Requirements"), checked file by file:
 * <ul>
 * <li>every component has its POM; one that is not {@code pom} packaged also has its jar, a {@code -sources} jar and
 * a {@code -javadoc} jar;</li>
 * <li>every file has {@code .md5} and {@code .sha1} checksums ({@code .sha256} and {@code .sha512} optional) that
 * match it, and an {@code .asc} signature made by the release key;</li>
 * <li>every POM names its coordinates as its folder does, a release version (no {@code -SNAPSHOT}), and has a name,
 * description, URL, licence (name and URL), developer and SCM (URL and connection); a parent, if any, is in the
 * bundle too.</li>
 * </ul>
 */
final class CentralRules {

    private static final Map<String, String> CHECKSUMS = Map.of(".md5", "MD5", ".sha1", "SHA-1", ".sha256",
            "SHA-256", ".sha512", "SHA-512");
    private static final List<String> REQUIRED_CHECKSUMS = List.of(".md5", ".sha1");

    private final ThrowawaySigningKey releaseKey;

    /** Rules that accept the signatures of {@code releaseKey} only. */
    CentralRules(ThrowawaySigningKey releaseKey) {
        this.releaseKey = releaseKey;
    }

    /** Every way {@code bundle} falls short, one line each naming the file; empty when Central would take it. */
    List<String> problems(CentralBundle bundle) {
        List<String> problems = new ArrayList<>();
        if (bundle.components().isEmpty()) {
            problems.add("the bundle holds no component (no .pom file)");
        }
        for (String component : bundle.components()) {
            checkComponent(bundle, component, problems);
        }
        bundle.files().forEach((path, content) -> {
            if (!isChecksum(path) && !path.endsWith(".asc")) {
                checkChecksums(bundle, path, content, problems);
                checkSignature(bundle, path, content, problems);
            }
        });
        return problems;
    }

    private void checkComponent(CentralBundle bundle, String component, List<String> problems) {
        String[] segments = component.split("/");
        if (segments.length < 3) {
            problems.add(component + ": not a group/artifact/version folder");
            return;
        }
        String version = segments[segments.length - 1];
        String artifactId = segments[segments.length - 2];
        String groupId = String.join(".", List.of(segments).subList(0, segments.length - 2));
        String base = component + "/" + artifactId + "-" + version;
        byte[] pomBytes = bundle.files().get(base + ".pom");
        if (pomBytes == null) {
            problems.add(base + ".pom: missing (the POM must be named after the folder)");
            return;
        }
        Element pom;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(false);
            Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(pomBytes));
            pom = document.getDocumentElement();
        }
        catch (Exception unreadable) {
            problems.add(base + ".pom: not a readable POM: " + unreadable.getMessage());
            return;
        }
        new PomRequirements(base + ".pom", pom, problems).check(groupId, artifactId, version, bundle);
        String packaging = PomRequirements.text(pom, "packaging");
        if (!"pom".equals(packaging)) {
            for (String suffix : List.of(".jar", "-sources.jar", "-javadoc.jar")) {
                if (!bundle.files().containsKey(base + suffix)) {
                    problems.add(base + suffix + ": missing (a " + (packaging.isEmpty() ? "jar" : packaging)
                            + " component needs its jar, sources and Javadoc)");
                }
            }
        }
    }

    private static void checkChecksums(CentralBundle bundle, String path, byte[] content, List<String> problems) {
        for (Map.Entry<String, String> checksum : CHECKSUMS.entrySet()) {
            byte[] declared = bundle.files().get(path + checksum.getKey());
            if (declared == null) {
                if (REQUIRED_CHECKSUMS.contains(checksum.getKey())) {
                    problems.add(path + checksum.getKey() + ": missing");
                }
                continue;
            }
            String expected = new String(declared, java.nio.charset.StandardCharsets.US_ASCII).trim().split("\\s+")[0];
            if (!expected.equalsIgnoreCase(digest(checksum.getValue(), content))) {
                problems.add(path + checksum.getKey() + ": does not match the file");
            }
        }
    }

    private void checkSignature(CentralBundle bundle, String path, byte[] content, List<String> problems) {
        byte[] signature = bundle.files().get(path + ".asc");
        if (signature == null) {
            problems.add(path + ".asc: missing (every file must be signed)");
        }
        else if (!releaseKey.signed(content, signature)) {
            problems.add(path + ".asc: not a valid signature of the file by key " + releaseKey.keyId());
        }
    }

    private static boolean isChecksum(String path) {
        return CHECKSUMS.keySet().stream().anyMatch(path::endsWith);
    }

    private static String digest(String algorithm, byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** The POM rules of one component. */
    private record PomRequirements(String file, Element pom, List<String> problems) {

        void check(String groupId, String artifactId, String version, CentralBundle bundle) {
            Element parent = child(pom, "parent");
            String declaredGroup = text(pom, "groupId").isEmpty() && parent != null ? text(parent, "groupId")
                    : text(pom, "groupId");
            String declaredVersion = text(pom, "version").isEmpty() && parent != null ? text(parent, "version")
                    : text(pom, "version");
            expect(groupId.equals(declaredGroup), "groupId is <" + declaredGroup + ">, its folder says <" + groupId + ">");
            expect(artifactId.equals(text(pom, "artifactId")),
                    "artifactId is <" + text(pom, "artifactId") + ">, its folder says <" + artifactId + ">");
            expect(version.equals(declaredVersion), "version is <" + declaredVersion + ">, its folder says <" + version + ">");
            expect(!version.endsWith("-SNAPSHOT"), "version " + version + " is a snapshot: Central takes releases only");
            for (String element : List.of("name", "description", "url")) {
                expect(!text(pom, element).isBlank(), "no <" + element + ">");
            }
            Element license = child(child(pom, "licenses"), "license");
            expect(license != null && !text(license, "name").isBlank() && !text(license, "url").isBlank(),
                    "no <licenses><license> with a name and URL");
            Element developer = child(child(pom, "developers"), "developer");
            expect(developer != null && !text(developer, "name").isBlank(), "no <developers><developer> with a name");
            Element scm = child(pom, "scm");
            expect(scm != null && !text(scm, "url").isBlank() && !text(scm, "connection").isBlank(),
                    "no <scm> with a URL and a connection");
            if (parent != null) {
                String parentPom = text(parent, "groupId").replace('.', '/') + "/" + text(parent, "artifactId") + "/"
                        + text(parent, "version") + "/" + text(parent, "artifactId") + "-" + text(parent, "version")
                        + ".pom";
                expect(bundle.files().containsKey(parentPom), "its parent " + parentPom + " is not in the bundle");
            }
        }

        private void expect(boolean holds, String problem) {
            if (!holds) {
                problems.add(file + ": " + problem);
            }
        }

        static String text(Element element, String name) {
            Element child = child(element, name);
            return child == null ? "" : child.getTextContent().trim();
        }

        static Element child(Element element, String name) {
            if (element == null) {
                return null;
            }
            for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node instanceof Element child && child.getTagName().equals(name)) {
                    return child;
                }
            }
            return null;
        }
    }
}
