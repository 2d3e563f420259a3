package de.stadtportal.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Class data sharing for one service's JVM: most of a service's start is loading and verifying the
 * same ~15,000 classes every time, which a class data sharing archive maps ready-made instead.
 * <p>
 * The JVM shares only classes of plain jar files, so the service's exec jar is first extracted
 * ({@code java -Djarmode=tools -jar <jar> extract}: the application jar with a {@code lib/} of its
 * dependencies) into {@code <jar's directory>/cds/<hash of the jar>/}. A start without an archive
 * records one ({@code -XX:ArchiveClassesAtExit}) that the JVM writes when it stops; it becomes the
 * archive only when the service stopped on its own after SIGTERM, so a killed or crashed service
 * never leaves a half-written one. Later starts map it ({@code -XX:SharedArchiveFile}). The archive's
 * name carries the JVM's version, the directory the jar's hash: a rebuilt jar or another JDK never
 * meets a stale archive (and the JVM itself ignores an archive that does not match, starting as
 * without). Anything that goes wrong here (extraction fails, no disk) only means the service starts
 * from its exec jar as before. {@code STADTPORTAL_CDS=off} turns all of it off.
 * <p>
 * On Java 25 and later the archive is the JVM's AOT cache instead ({@code -XX:AOTCacheOutput} when
 * recording, {@code -XX:AOTCache} when mapping; JEP 483 and 514): it holds the classes loaded and
 * linked, and the methods' profiles, and saves more of a start than Java 17's archive. Recorded and
 * kept the same way, at a clean stop.
 */
final class ClassDataSharing {

    /** {@code off} starts every service from its exec jar, without archives. */
    static final String SWITCH = "STADTPORTAL_CDS";

    private static final String EXTRACTED = "app";
    private static final String JVM = System.getProperty("java.vm.version", "unknown")
            .replaceAll("[^A-Za-z0-9.+-]", "_");

    /** Extractions running ahead of the starts ({@link #prepareAhead}), by jar; gone once done. */
    private static final Map<Path, CompletableFuture<Void>> AHEAD = new ConcurrentHashMap<>();

    /**
     * How a JVM records an archive of the classes it loaded and maps it at its next start: Java 17's
     * dynamic class data sharing archive, or the AOT cache of Java 25 and later, which holds the
     * classes linked and the methods' profiles too.
     *
     * @param suffix the archive file's suffix
     * @param record the option naming the file the JVM writes when it ends
     * @param map the option naming the archive to map
     * @param quiet the option silencing what the JVM says of every class it leaves out while writing
     */
    record Format(String suffix, String record, String map, String quiet) {

        static final Format CDS = new Format(".jsa", "-XX:ArchiveClassesAtExit=", "-XX:SharedArchiveFile=",
                "-Xlog:cds*=off");
        static final Format AOT_CACHE = new Format(".aot", "-XX:AOTCacheOutput=", "-XX:AOTCache=",
                "-Xlog:cds*=off,aot*=off");

        /** The format of a JVM of this feature release (17, 21, 25, …). */
        static Format of(int feature) {
            return feature >= 25 ? AOT_CACHE : CDS;
        }
    }

    private final Path jar;
    private final Path javaCommand;
    private final Format format;
    private Path directory;
    private Path recording;

    /** For a service started by {@code javaCommand}, the launcher's own JVM. */
    ClassDataSharing(Path jar, Path javaCommand) {
        this(jar, javaCommand, Format.of(Runtime.version().feature()));
    }

    ClassDataSharing(Path jar, Path javaCommand, Format format) {
        this.jar = jar;
        this.javaCommand = javaCommand;
        this.format = format;
    }

    static boolean enabled(String setting) {
        return setting == null || !setting.trim().equalsIgnoreCase("off");
    }

    /**
     * Extracts these jars in the background, two at a time, so that it happens while the platform
     * starts its infrastructure; each service's {@link #prepare} then finds its extraction done or
     * waits for it. Does nothing with {@code STADTPORTAL_CDS=off}.
     */
    static void prepareAhead(List<Path> jars, Path javaCommand) {
        if (!enabled(System.getenv(SWITCH))) {
            return;
        }
        ExecutorService extracting = Executors.newFixedThreadPool(2, work -> {
            Thread thread = new Thread(work, "cds-extract");
            thread.setDaemon(true);
            return thread;
        });
        for (Path jar : jars) {
            Path key = jar.toAbsolutePath().normalize();
            if (Files.exists(key)) {
                CompletableFuture<Void> ahead = CompletableFuture.runAsync(
                        () -> new ClassDataSharing(key, javaCommand).extractOnce(), extracting);
                AHEAD.put(key, ahead);
                ahead.whenComplete((done, failure) -> AHEAD.remove(key, ahead));
            }
        }
        extracting.shutdown();
    }

    /**
     * Extracts the jar once for its content (a second call, or another launcher that got there first,
     * finds it done). Answers false if that is not possible; the service then starts from its jar.
     */
    synchronized boolean prepare() {
        if (directory != null) {
            return true;
        }
        CompletableFuture<Void> ahead = AHEAD.get(jar.toAbsolutePath().normalize());
        if (ahead != null) {
            ahead.exceptionally(failure -> null).join();
        }
        return extractOnce();
    }

    /** {@link #prepare} without waiting for an extraction ahead (which is what runs this). */
    private synchronized boolean extractOnce() {
        if (directory != null) {
            return true;
        }
        try {
            Path cache = jar.toAbsolutePath().getParent().resolve("cds");
            Path target = cache.resolve(hash(jar));
            if (!Files.exists(target.resolve(EXTRACTED).resolve(jar.getFileName()))) {
                Files.createDirectories(cache);
                removeOthers(cache, target.getFileName().toString());
                extract(cache, target);
            }
            directory = target;
            removeAbandonedRecordings(target);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * The JVM options and jar of the next start: the archive if there is one, else the recording of
     * one. Empty (start the exec jar as it is) when the extraction was not possible.
     */
    synchronized List<String> command() {
        if (!prepare()) {
            return List.of("-jar", jar.toString());
        }
        List<String> command = new ArrayList<>();
        Path archive = archive();
        if (Files.isRegularFile(archive)) {
            command.add(format.map() + archive);
            recording = null;
        } else {
            // unique per start, so two launchers recording the same jar never write one file
            recording = directory.resolve("app-" + JVM + "." + ProcessHandle.current().pid() + "-" + System.nanoTime()
                    + ".recording");
            command.add(format.record() + recording);
            // while writing, the JVM names every class it leaves out (signed jars, old bytecode): noise in the log
            command.add(format.quiet());
        }
        command.add("-jar");
        command.add(directory.resolve(EXTRACTED).resolve(jar.getFileName()).toString());
        return command;
    }

    /** Whether the running start is recording an archive (its JVM needs time to write it when stopping). */
    synchronized boolean recording() {
        return recording != null;
    }

    /**
     * After the service's JVM has ended: keeps what it recorded if it {@code stoppedCleanly} (it ended
     * on its own after SIGTERM), else drops it.
     */
    synchronized void ended(boolean stoppedCleanly) {
        if (recording == null) {
            return;
        }
        Path recorded = recording;
        recording = null;
        try {
            // what Java 25 writes first and removes once its AOT cache is written; left by a JVM killed meanwhile
            Files.deleteIfExists(recorded.resolveSibling(recorded.getFileName() + ".config"));
            if (stoppedCleanly && Files.isRegularFile(recorded) && Files.size(recorded) > 0) {
                move(recorded, archive());
            } else {
                Files.deleteIfExists(recorded);
            }
        } catch (IOException e) {
            // without an archive the next start records again
        }
    }

    Path archive() {
        return directory.resolve("app-" + JVM + format.suffix());
    }

    private void extract(Path cache, Path target) throws IOException {
        Path partial = Files.createTempDirectory(cache, target.getFileName() + ".extracting-");
        try {
            Process process = new ProcessBuilder(javaCommand.toString(), "-Djarmode=tools", "-jar", jar.toString(),
                    "extract", "--destination", partial.resolve(EXTRACTED).toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(300, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("extracting " + jar + " took too long");
            }
            if (process.exitValue() != 0 || !Files.exists(partial.resolve(EXTRACTED).resolve(jar.getFileName()))) {
                throw new IOException("extracting " + jar + " failed");
            }
            try {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
                // another launcher extracted the same jar meanwhile: its copy is as good
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while extracting " + jar, e);
        } finally {
            delete(partial);
        }
    }

    /**
     * Recordings whose launcher ended before its service had written them (a test JVM halted at its
     * exit timeout, for example): the file appears only when the service stops and is written
     * within minutes, so one older than ten minutes is abandoned.
     */
    private static void removeAbandonedRecordings(Path directory) throws IOException {
        long before = System.currentTimeMillis() - TimeUnit.MINUTES.toMillis(10);
        try (DirectoryStream<Path> recordings = Files.newDirectoryStream(directory, "*.recording")) {
            for (Path recording : recordings) {
                if (Files.getLastModifiedTime(recording).toMillis() < before) {
                    Files.deleteIfExists(recording);
                }
            }
        }
    }

    /** Extractions of earlier builds of this jar, which no start will use again. */
    private static void removeOthers(Path cache, String keep) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(cache)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!name.equals(keep) && !name.startsWith(keep + ".extracting-")) {
                    delete(entry);
                }
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void delete(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(each -> {
                try {
                    Files.deleteIfExists(each);
                } catch (IOException e) {
                    // what is left is removed with the next build's extraction
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // as above
        }
    }

    /** The first 16 hex digits of the jar's SHA-256: same content, same extraction and archive. */
    static String hash(Path jar) throws IOException {
        try (InputStream in = Files.newInputStream(jar)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            int read;
            while ((read = in.read(buffer)) > 0) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
