/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.release.LoopbackCentralPortal.Deployment;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The release, rehearsed: the sources copied with the release version, {@code mvn -Prelease,sign deploy} for the
 * published modules (tests skipped: this build ran them) signing with a key made for the run and uploading to a
 * loopback Central Portal that validates the bundle, then a brand-new project built against that bundle alone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReleaseRehearsalIT {

    /** The published modules, by artifact id; promptkit-bom is the only one packaged as a POM. */
    static final List<String> PUBLISHED = List.of("promptkit-bom", "promptkit-core",
            "promptkit-a2a", "promptkit-spring-boot-autoconfigure", "promptkit-spring-boot-starter", "promptkit-test");

    private static final String BUNDLE_REPOSITORY_ID = "promptkit-bundle";

    private final Path root = Path.of(System.getProperty("promptkit.root")).toAbsolutePath().normalize();
    private final String snapshotVersion = System.getProperty("promptkit.version");
    private final String releaseVersion = snapshotVersion.replace("-SNAPSHOT", "");
    private final Path work = Path.of(System.getProperty("promptkit.work")).toAbsolutePath().normalize();
    private final Path localRepository = Path.of(System.getProperty("maven.repo.local")).toAbsolutePath();

    private ThrowawaySigningKey key;
    private LoopbackCentralPortal portal;
    private MavenRun.Result release;

    @BeforeAll
    void rehearseTheRelease() throws IOException {
        SourceCopy.delete(work);
        Path sources = work.resolve("sources");
        SourceCopy.copyAsRelease(root, sources, snapshotVersion, releaseVersion);
        key = ThrowawaySigningKey.generate();
        String token = UUID.randomUUID().toString();
        portal = new LoopbackCentralPortal("rehearsal", token, new CentralRules(key));
        Path settings = work.resolve("central-settings.xml");
        Files.writeString(settings, """
                <settings>
                  <servers>
                    <server><id>central</id><username>rehearsal</username><password>%s</password></server>
                  </servers>
                </settings>
                """.formatted(token));
        release = MavenRun.run(sources, work.resolve("release.log"),
                Map.of("MAVEN_GPG_KEY", key.armoredSecretKey(), "MAVEN_GPG_PASSPHRASE", key.passphrase()),
                List.of("-B", "-ntp", "-gs", settings.toString(), "-Dmaven.repo.local=" + localRepository,
                        "-Prelease,sign", "-pl", String.join(",", PUBLISHED), "-am", "-Dmaven.test.skip=true",
                        "-Dmaven.install.skip=true", "-DcentralBaseUrl=" + portal.baseUrl(), "deploy"));
    }

    @AfterAll
    void stopThePortal() {
        if (portal != null) {
            portal.close();
        }
    }

    @Test
    void theReleaseBuildUploadsOneBundleThatCentralValidates() {
        Deployment deployment = deployment();

        assertThat(deployment.problems()).as("what Central would reject").isEmpty();
        assertThat(deployment.name()).isEqualTo("PromptKit for Spring " + releaseVersion);
        assertThat(deployment.publishingType()).as("published by a person after the check").isEqualTo("USER_MANAGED");
        assertThat(release.tail(200)).contains("Deployment " + deployment.id() + " has been validated");
    }

    @Test
    void theBundleHoldsEachPublishedModuleWithPomJarsSbomsSignaturesAndChecksums() throws IOException {
        Set<String> expected = new TreeSet<>();
        for (String artifactId : PUBLISHED) {
            String base = "dev/promptkit/" + artifactId + "/" + releaseVersion + "/" + artifactId + "-" + releaseVersion;
            List<String> files = artifactId.equals("promptkit-bom") ? List.of(".pom", "-cyclonedx.json", "-cyclonedx.xml")
                    : List.of(".pom", ".jar", "-sources.jar", "-javadoc.jar", "-cyclonedx.json", "-cyclonedx.xml");
            for (String file : files) {
                expected.add(base + file);
                expected.add(base + file + ".asc");
                for (String checksum : List.of(".md5", ".sha1", ".sha256", ".sha512")) {
                    expected.add(base + file + checksum);
                }
            }
        }

        Set<String> actual = deployment().bundle().files().keySet();
        Files.write(work.resolve("bundle-contents.txt"), actual);

        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void everyJarCarriesTheLicenceTheNoticeAndItsDependenciesLicences() throws IOException {
        for (String artifactId : PUBLISHED) {
            if (artifactId.equals("promptkit-bom")) {
                continue;
            }
            byte[] jar = file(artifactId, ".jar");
            Set<String> entries = entries(jar);

            assertThat(entries).as(artifactId).contains("META-INF/LICENSE", "META-INF/NOTICE",
                    "META-INF/THIRD-PARTY.txt");
        }
        assertThat(entries(file("promptkit-core", ".jar")))
                .contains("dev/promptkit/pack/promptpack.schema.json", "dev/promptkit/pack/LICENSE-promptpack-spec.txt");
    }

    @Test
    void thePublishedPomsStandAloneWithoutTestDependencies() {
        for (String artifactId : PUBLISHED.subList(1, PUBLISHED.size())) {
            String pom = new String(file(artifactId, ".pom"), StandardCharsets.UTF_8);

            assertThat(pom).as(artifactId).doesNotContain("<parent>").doesNotContain("<scope>test</scope>")
                    .doesNotContain("promptkit-test-support").doesNotContain("SNAPSHOT").doesNotContain("${");
        }
        // the BOM manages PromptKit's modules only, at its own version (which an importing build resolves)
        String bom = new String(file("promptkit-bom", ".pom"), StandardCharsets.UTF_8);
        assertThat(bom).doesNotContain("<parent>").doesNotContain("spring-boot-dependencies")
                .doesNotContain("<properties>").contains("<version>" + releaseVersion + "</version>");
        for (String artifactId : PUBLISHED.subList(1, PUBLISHED.size())) {
            assertThat(bom).contains("<artifactId>" + artifactId + "</artifactId>\n        <version>${project.version}"
                    + "</version>");
        }
    }

    @Test
    void aBrandNewProjectBuildsAndPassesItsTestsOnTheBundleAlone() throws IOException {
        Path bundleRepository = work.resolve("bundle-repository");
        deployment().bundle().unpackTo(bundleRepository);
        Path project = work.resolve("first-project");
        copyFirstProject(project);
        Path projectRepository = work.resolve("first-project-repository");
        Path settings = work.resolve("first-project-settings.xml");
        Files.writeString(settings, """
                <settings>
                  <localRepository>%s</localRepository>
                  <mirrors>
                    <mirror><id>this-builds-repository</id><mirrorOf>*,!%s</mirrorOf><url>%s</url></mirror>
                  </mirrors>
                  <profiles>
                    <profile>
                      <id>bundle</id>
                      <repositories>
                        <repository><id>%s</id><url>%s</url><snapshots><enabled>false</enabled></snapshots></repository>
                      </repositories>
                    </profile>
                  </profiles>
                  <activeProfiles><activeProfile>bundle</activeProfile></activeProfiles>
                </settings>
                """.formatted(projectRepository, BUNDLE_REPOSITORY_ID, localRepository.toUri(), BUNDLE_REPOSITORY_ID,
                bundleRepository.toUri()));

        MavenRun.Result build = MavenRun.run(project, work.resolve("first-project.log"), Map.of(),
                List.of("-B", "-ntp", "-s", settings.toString(), "verify"));

        assertThat(build.exitCode()).as("the first project's build:\n%s", build.tail(80)).isZero();
        assertThat(testsRun(project.resolve("target/surefire-reports"))).as("tests run, failed or skipped")
                .containsExactly(2, 0, 0);
        assertThat(promptKitOrigins(projectRepository.resolve("dev/promptkit")))
                .as("where each PromptKit file came from").containsOnly(BUNDLE_REPOSITORY_ID);
        try (Stream<Path> modules = Files.list(projectRepository.resolve("dev/promptkit"))) {
            assertThat(modules.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("promptkit-bom",
                    "promptkit-core", "promptkit-spring-boot-autoconfigure", "promptkit-spring-boot-starter",
                    "promptkit-test");
        }
    }

    private Deployment deployment() {
        assertThat(release.exitCode()).as("the release build:\n%s", release.tail(80)).isZero();
        assertThat(portal.deployments()).as("bundles uploaded to the portal").hasSize(1);
        return portal.deployments().values().iterator().next();
    }

    private byte[] file(String artifactId, String suffix) {
        String path = "dev/promptkit/" + artifactId + "/" + releaseVersion + "/" + artifactId + "-" + releaseVersion
                + suffix;
        byte[] content = deployment().bundle().files().get(path);
        assertThat(content).as(path).isNotNull();
        return content;
    }

    private static Set<String> entries(byte[] jar) throws IOException {
        Set<String> names = new TreeSet<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jar))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        return names;
    }

    private void copyFirstProject(Path project) throws IOException {
        Path template = root.resolve("release-check/src/it/first-project");
        try (Stream<Path> files = Files.walk(template)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = project.resolve(template.relativize(file));
                Files.createDirectories(target.getParent());
                String text = Files.readString(file, StandardCharsets.UTF_8);
                if (file.getFileName().toString().equals("pom.xml")) {
                    text = text.replace("@promptkit.version@", releaseVersion);
                    for (String property : List.of("spring-boot.version", "maven-compiler-plugin.version",
                            "maven-surefire-plugin.version", "maven-resources-plugin.version",
                            "maven-jar-plugin.version")) {
                        text = text.replace("@" + property + "@", System.getProperty(property));
                    }
                }
                Files.writeString(target, text, StandardCharsets.UTF_8);
            }
        }
    }

    /** Tests run, failed (failures and errors) and skipped, over every Surefire report. */
    private static List<Integer> testsRun(Path reports) throws IOException {
        int run = 0;
        int failed = 0;
        int skipped = 0;
        try (Stream<Path> files = Files.list(reports)) {
            for (Path report : files.filter(p -> p.getFileName().toString().matches("TEST-.*\\.xml")).toList()) {
                String suite = Files.readString(report, StandardCharsets.UTF_8);
                suite = suite.substring(suite.indexOf("<testsuite"), suite.indexOf('>', suite.indexOf("<testsuite")));
                run += attribute(suite, "tests");
                failed += attribute(suite, "failures") + attribute(suite, "errors");
                skipped += attribute(suite, "skipped");
            }
        }
        return List.of(run, failed, skipped);
    }

    private static int attribute(String element, String name) {
        int at = element.indexOf(" " + name + "=\"");
        if (at < 0) {
            return 0;
        }
        int start = at + name.length() + 3;
        return Integer.parseInt(element.substring(start, element.indexOf('"', start)));
    }

    /** The repository ids the resolver recorded for each PromptKit file it downloaded ({@code _remote.repositories}). */
    private static Set<String> promptKitOrigins(Path promptKit) throws IOException {
        List<String> origins = new ArrayList<>();
        try (Stream<Path> files = Files.walk(promptKit)) {
            for (Path record : files.filter(p -> p.getFileName().toString().equals("_remote.repositories")).toList()) {
                for (String line : Files.readAllLines(record, StandardCharsets.UTF_8)) {
                    if (!line.startsWith("#") && line.contains(">")) {
                        origins.add(line.substring(line.indexOf('>') + 1, line.lastIndexOf('=')));
                    }
                }
            }
        }
        assertThat(origins).as("resolver records under " + promptKit).isNotEmpty();
        return new TreeSet<>(origins);
    }
}
