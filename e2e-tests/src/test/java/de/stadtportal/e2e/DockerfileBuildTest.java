package de.stadtportal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.FileVisitResult;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No Docker engine runs where the build runs, so the image build is replayed without one: the
 * build stage's {@code COPY} lines are carried out into a temporary directory (minus what
 * {@code .dockerignore} leaves out of the context), and its {@code RUN} command runs there as the
 * image builder would run it, offline against the local Maven repository instead of the cache
 * mount. What the runtime stage copies from the build stage must then exist.
 */
class DockerfileBuildTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    /** The smallest service; the others build the same way. */
    private static final String SERVICE = "gateway-service";

    @TempDir Path context;

    @Test
    void the_build_stage_copies_the_pom_of_every_module_maven_reads() throws IOException {
        Path workdir = BuildStage.read(ROOT.resolve("Dockerfile")).assemble(context, Map.of("SERVICE", SERVICE));

        List<String> modules = modules();
        assertThat(modules).contains("e2e-tests", SERVICE, "benchmarks/search");
        for (String module : modules) {
            assertThat(workdir.resolve(module).resolve("pom.xml")).as(module + "/pom.xml in the image").isRegularFile();
        }
        assertThat(workdir.resolve(SERVICE).resolve("src/main/java")).isDirectory();
        try (Stream<Path> files = Files.walk(workdir)) {
            assertThat(files.filter(file -> file.getFileName().toString().equals("target")).toList())
                    .as("build output is left out (.dockerignore)").isEmpty();
        }
    }

    @Test
    void the_build_stage_builds_the_service_and_splits_it_into_the_layers_the_runtime_image_copies()
            throws IOException, InterruptedException {
        BuildStage stage = BuildStage.read(ROOT.resolve("Dockerfile"));
        Path workdir = stage.assemble(context, Map.of("SERVICE", SERVICE));

        ProcessBuilder builder = new ProcessBuilder("bash", "-c", stage.run())
                .directory(workdir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(context.resolve("build.log").toFile());
        // the build argument, as the image builder passes it; offline against ~/.m2 instead of the cache mount
        builder.environment().put("SERVICE", SERVICE);
        builder.environment().put("MAVEN_ARGS", "-o");
        Process build = builder.start();
        boolean finished = build.waitFor(20, TimeUnit.MINUTES);
        String log = Files.readString(context.resolve("build.log"));
        assertThat(finished).as("the build stage finished").isTrue();
        assertThat(build.exitValue()).as("the build stage's RUN command:\n" + log).isZero();

        List<String> layers = stage.layersCopiedToRuntime();
        assertThat(layers).containsExactly("dependencies", "spring-boot-loader", "snapshot-dependencies", "application");
        for (String layer : layers) {
            assertThat(workdir.resolve("layers").resolve(layer)).as(layer).isDirectory();
        }
        assertThat(workdir.resolve("layers/spring-boot-loader/org/springframework/boot/loader/launch/JarLauncher.class"))
                .as("the launcher the image starts").isRegularFile();
        assertThat(workdir.resolve("layers/application/BOOT-INF/classes/application.yml")).isRegularFile();
        assertThat(workdir.resolve("layers/application/META-INF/MANIFEST.MF")).isRegularFile();
        // Boot keeps the reactor's own modules with the application, the layer that changes most often
        try (Stream<Path> modules = Files.list(workdir.resolve("layers/application/BOOT-INF/lib"))) {
            assertThat(modules.map(jar -> jar.getFileName().toString()))
                    .as("the platform's own modules").anyMatch(jar -> jar.startsWith("stadtportal-web-"));
        }
        try (Stream<Path> libraries = Files.list(workdir.resolve("layers/dependencies/BOOT-INF/lib"))) {
            assertThat(libraries.map(jar -> jar.getFileName().toString()))
                    .anyMatch(jar -> jar.startsWith("spring-cloud-gateway-server-webflux-"));
        }
    }

    /** Every module of the reactor, the modules of an aggregating module (benchmarks/…) included. */
    private static List<String> modules() throws IOException {
        List<String> modules = new ArrayList<>();
        collectModules("", modules);
        return modules;
    }

    private static void collectModules(String parent, List<String> modules) throws IOException {
        Matcher matcher = MODULE.matcher(Files.readString(ROOT.resolve(parent).resolve("pom.xml")));
        while (matcher.find()) {
            String module = parent.isEmpty() ? matcher.group(1).trim() : parent + "/" + matcher.group(1).trim();
            modules.add(module);
            collectModules(module, modules);
        }
    }

    /** The Dockerfile's stage named {@code build}, and what the stages after it copy from it. */
    record BuildStage(String workdir, List<List<String>> copies, String run, List<String> runtimeCopies) {

        static BuildStage read(Path dockerfile) throws IOException {
            List<String> instructions = instructions(Files.readString(dockerfile));
            String workdir = "/";
            List<List<String>> copies = new ArrayList<>();
            String run = null;
            List<String> runtimeCopies = new ArrayList<>();
            boolean inBuild = false;
            for (String instruction : instructions) {
                String[] words = instruction.split("\\s+", 2);
                String keyword = words[0].toUpperCase();
                String rest = words.length > 1 ? words[1] : "";
                if (keyword.equals("FROM")) {
                    inBuild = rest.matches("(?i).*\\s+AS\\s+build\\s*");
                } else if (inBuild && keyword.equals("WORKDIR")) {
                    workdir = rest.trim();
                } else if (inBuild && keyword.equals("COPY")) {
                    copies.add(Arrays.stream(rest.trim().split("\\s+")).filter(word -> !word.startsWith("--")).toList());
                } else if (inBuild && keyword.equals("RUN")) {
                    assertThat(run).as("one RUN in the build stage").isNull();
                    run = rest.replaceAll("--mount=\\S+\\s*", "").trim();
                } else if (!inBuild && keyword.equals("COPY") && rest.startsWith("--from=build")) {
                    runtimeCopies.add(rest.trim().split("\\s+")[1]);
                }
            }
            assertThat(run).as("the build stage's RUN").isNotNull();
            return new BuildStage(workdir, copies, run, runtimeCopies);
        }

        /** Lines joined at their trailing backslash, comments and blank lines left out. */
        private static List<String> instructions(String dockerfile) {
            List<String> instructions = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String line : dockerfile.split("\n")) {
                if (line.isBlank() || line.stripLeading().startsWith("#")) {
                    continue;
                }
                if (line.endsWith("\\")) {
                    current.append(line, 0, line.length() - 1).append(' ');
                } else {
                    instructions.add(current.append(line).toString().trim());
                    current.setLength(0);
                }
            }
            return instructions;
        }

        /** Carries out the COPY lines from the repository into {@code target}; answers the WORKDIR there. */
        Path assemble(Path target, Map<String, String> arguments) throws IOException {
            Path workdir = target.resolve(this.workdir.replaceFirst("^/", ""));
            Files.createDirectories(workdir);
            List<PathMatcher> ignored = ignored();
            for (List<String> copy : copies) {
                List<String> words = copy.stream().map(word -> substitute(word, arguments)).toList();
                List<String> sources = words.subList(0, words.size() - 1);
                String destination = words.get(words.size() - 1);
                Path to = workdir.resolve(destination);
                for (String source : sources) {
                    Path from = ROOT.resolve(source);
                    assertThat(from).as("COPY source " + source).exists();
                    if (Files.isDirectory(from)) {
                        copyTree(from, to, ignored);
                    } else {
                        Path file = destination.endsWith("/") || sources.size() > 1 ? to.resolve(from.getFileName()) : to;
                        Files.createDirectories(file.getParent());
                        Files.copy(from, file, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            return workdir;
        }

        /** The Boot layers the runtime stage copies from the build stage, in its order. */
        List<String> layersCopiedToRuntime() {
            return runtimeCopies.stream()
                    .map(path -> path.replaceFirst("^" + Pattern.quote(workdir) + "/layers/", "").replaceAll("/$", ""))
                    .toList();
        }

        private static String substitute(String word, Map<String, String> arguments) {
            String result = word;
            for (Map.Entry<String, String> argument : arguments.entrySet()) {
                result = result.replace("${" + argument.getKey() + "}", argument.getValue())
                        .replace("$" + argument.getKey(), argument.getValue());
            }
            return result;
        }

        private static void copyTree(Path from, Path to, List<PathMatcher> ignored) throws IOException {
            Files.walkFileTree(from, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes)
                        throws IOException {
                    if (isIgnored(directory)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    Files.createDirectories(to.resolve(from.relativize(directory).toString()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    if (!isIgnored(file)) {
                        Files.copy(file, to.resolve(from.relativize(file).toString()),
                                StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
                    }
                    return FileVisitResult.CONTINUE;
                }

                private boolean isIgnored(Path path) {
                    Path relative = ROOT.relativize(path);
                    return ignored.stream().anyMatch(pattern -> pattern.matches(relative));
                }
            });
        }

        /** .dockerignore's patterns, matching a path and everything below it; {@code **} also matches no folder. */
        private static List<PathMatcher> ignored() throws IOException {
            List<PathMatcher> matchers = new ArrayList<>();
            for (String line : Files.readAllLines(ROOT.resolve(".dockerignore"), StandardCharsets.UTF_8)) {
                String pattern = line.trim().replaceAll("/$", "");
                if (pattern.isEmpty() || pattern.startsWith("#")) {
                    continue;
                }
                List<String> globs = new ArrayList<>(List.of(pattern, pattern + "/**"));
                if (pattern.startsWith("**/")) {
                    globs.add(pattern.substring(3));
                    globs.add(pattern.substring(3) + "/**");
                }
                globs.forEach(glob -> matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + glob)));
            }
            return matchers;
        }
    }
}
