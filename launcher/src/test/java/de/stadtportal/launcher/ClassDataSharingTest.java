package de.stadtportal.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs real JVMs on a small jar that extracts itself as a Spring Boot exec jar does under
 * {@code -Djarmode=tools … extract}, so the archive the JVM records and maps is the JVM's own.
 */
class ClassDataSharingTest {

    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");
    /** What this JVM records and maps: the class data sharing archive on 17, the AOT cache on 25. */
    private static final ClassDataSharing.Format FORMAT = ClassDataSharing.Format.of(Runtime.version().feature());
    /** Fails the start unless the JVM really maps the archive. */
    private static final String STRICT = FORMAT == ClassDataSharing.Format.AOT_CACHE ? "-XX:AOTMode=on" : "-Xshare:on";

    @TempDir
    Path build;

    @Test
    void a_cleanly_stopped_service_leaves_an_archive_that_its_next_start_maps() throws Exception {
        Path jar = serviceJar("first");
        ClassDataSharing sharing = new ClassDataSharing(jar, JAVA);

        List<String> recording = sharing.command();
        assertThat(recording).anyMatch(option -> option.startsWith(FORMAT.record()));
        assertThat(sharing.recording()).isTrue();
        Process first = run(recording);
        first.toHandle().destroy();
        assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
        sharing.ended(true);

        assertThat(sharing.archive()).isRegularFile();
        List<String> mapping = sharing.command();
        assertThat(mapping).contains(FORMAT.map() + sharing.archive());
        assertThat(sharing.recording()).isFalse();
        List<String> strict = new ArrayList<>(List.of(STRICT));
        strict.addAll(mapping);
        Process second = run(strict);
        second.toHandle().destroy();
        second.waitFor(60, TimeUnit.SECONDS);
    }

    @Test
    void a_killed_service_leaves_no_archive_and_its_next_start_records_again() throws Exception {
        Path jar = serviceJar("first");
        ClassDataSharing sharing = new ClassDataSharing(jar, JAVA);

        Process killed = run(sharing.command());
        killed.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        sharing.ended(false);

        assertThat(sharing.archive()).doesNotExist();
        try (Stream<Path> left = Files.list(sharing.archive().getParent())) {
            assertThat(left).noneMatch(file -> file.getFileName().toString().contains(".recording"));
        }
        assertThat(sharing.command()).anyMatch(option -> option.startsWith(FORMAT.record()));
    }

    @Test
    void a_rebuilt_jar_never_meets_the_archive_of_the_build_before() throws Exception {
        Path jar = serviceJar("first");
        ClassDataSharing before = new ClassDataSharing(jar, JAVA);
        Process first = run(before.command());
        first.toHandle().destroy();
        first.waitFor(60, TimeUnit.SECONDS);
        before.ended(true);
        assertThat(before.archive()).isRegularFile();

        // same path and time stamp, other content: a new build of the service
        FileTime built = Files.getLastModifiedTime(jar);
        Files.delete(jar);
        serviceJar("other");
        Files.setLastModifiedTime(jar, built);
        ClassDataSharing after = new ClassDataSharing(jar, JAVA);

        assertThat(after.command()).anyMatch(option -> option.startsWith(FORMAT.record()))
                .noneMatch(option -> option.startsWith(FORMAT.map()));
        assertThat(after.archive()).isNotEqualTo(before.archive()).doesNotExist();
        // the earlier build's extraction and archive are gone
        assertThat(before.archive()).doesNotExist();
    }

    @Test
    void an_extraction_started_ahead_is_what_the_start_finds() throws Exception {
        Path jar = serviceJar("first");

        ClassDataSharing.prepareAhead(List.of(jar), JAVA);
        ClassDataSharing sharing = new ClassDataSharing(jar, JAVA);

        assertThat(CompletableFuture.supplyAsync(sharing::prepare).get(60, TimeUnit.SECONDS)).isTrue();
        assertThat(sharing.command()).anyMatch(option -> option.startsWith(FORMAT.record()));
    }

    @Test
    void a_recording_its_launcher_left_behind_long_ago_is_removed_at_the_next_start() throws Exception {
        Path jar = serviceJar("first");
        ClassDataSharing earlier = new ClassDataSharing(jar, JAVA);
        earlier.prepare();
        Path abandoned = earlier.archive().resolveSibling("app.1-1.recording");
        Files.writeString(abandoned, "written by a service whose launcher was gone");
        Files.setLastModifiedTime(abandoned, FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
        Path fresh = earlier.archive().resolveSibling("app.2-2.recording");
        Files.writeString(fresh, "being written right now");

        new ClassDataSharing(jar, JAVA).command();

        assertThat(abandoned).doesNotExist();
        assertThat(fresh).exists();
    }

    @Test
    void a_jar_that_cannot_be_extracted_starts_as_it_is() throws Exception {
        Path jar = build.resolve("plain.jar");
        Files.writeString(jar, "not a jar");
        ClassDataSharing sharing = new ClassDataSharing(jar, JAVA);

        assertThat(sharing.prepare()).isFalse();
        assertThat(sharing.command()).containsExactly("-jar", jar.toString());
        assertThat(sharing.recording()).isFalse();
        sharing.ended(true);
    }

    @Test
    void the_jvm_starts_without_sharing_when_an_archive_is_broken() throws Exception {
        Path jar = serviceJar("first");
        ClassDataSharing sharing = new ClassDataSharing(jar, JAVA);
        sharing.prepare();
        Files.writeString(sharing.archive(), "half an archive");

        Process started = run(sharing.command());
        started.toHandle().destroy();
        assertThat(started.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void java_25_and_later_record_and_map_their_aot_cache_and_older_ones_a_class_data_sharing_archive()
            throws Exception {
        assertThat(ClassDataSharing.Format.of(17)).isEqualTo(ClassDataSharing.Format.CDS);
        assertThat(ClassDataSharing.Format.of(21)).isEqualTo(ClassDataSharing.Format.CDS);
        assertThat(ClassDataSharing.Format.of(25)).isEqualTo(ClassDataSharing.Format.AOT_CACHE);
        assertThat(ClassDataSharing.Format.of(26)).isEqualTo(ClassDataSharing.Format.AOT_CACHE);

        Path jar = serviceJar("first");
        ClassDataSharing sharing = new ClassDataSharing(jar, JAVA, ClassDataSharing.Format.AOT_CACHE);
        assertThat(sharing.command()).anyMatch(option -> option.startsWith("-XX:AOTCacheOutput="))
                .contains("-Xlog:cds*=off,aot*=off");
        assertThat(sharing.recording()).isTrue();
        sharing.ended(false);

        assertThat(sharing.archive().getFileName().toString()).endsWith(".aot");
        Files.writeString(sharing.archive(), "an AOT cache");
        assertThat(sharing.command()).contains("-XX:AOTCache=" + sharing.archive());
        // an archive of the other format, of the same JVM version, is never offered
        assertThat(new ClassDataSharing(jar, JAVA, ClassDataSharing.Format.CDS).command())
                .anyMatch(option -> option.startsWith("-XX:ArchiveClassesAtExit="));
    }

    @Test
    void off_turns_class_data_sharing_off_and_anything_else_leaves_it_on() {
        assertThat(ClassDataSharing.enabled("off")).isFalse();
        assertThat(ClassDataSharing.enabled(" OFF ")).isFalse();
        assertThat(ClassDataSharing.enabled(null)).isTrue();
        assertThat(ClassDataSharing.enabled("on")).isTrue();
    }

    /** Starts the JVM and returns once its main method answered, as a service's readiness would. */
    private static Process run(List<String> options) throws IOException {
        // Java 25 refuses any -Xshare option beside its AOT cache options
        List<String> command = new ArrayList<>(List.of(JAVA.toString()));
        if (FORMAT == ClassDataSharing.Format.CDS) {
            command.add("-Xshare:auto");
        }
        command.addAll(options);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        String line;
        while ((line = output.readLine()) != null && !line.equals("ready")) {
            // JVM warnings (a broken archive) come before
        }
        assertThat(line).as("the service's main method ran").isEqualTo("ready");
        return process;
    }

    private Path serviceJar(String variant) throws IOException {
        return ServiceJar.build(build, variant);
    }
}
