package de.stadtportal.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.ToolProvider;

/** A tiny service jar for the launcher's tests of real JVMs: it prints "ready" and waits until stopped. */
final class ServiceJar {

    private ServiceJar() {
    }

    /**
     * A runnable jar {@code build/service.jar} whose main method waits until stopped, and which, run
     * with {@code -Djarmode=tools … extract --destination DIR}, copies itself to {@code DIR}.
     */
    static Path build(Path build, String variant) throws IOException {
        Path sources = Files.createDirectories(build.resolve("src-" + variant));
        Path classes = Files.createDirectories(build.resolve("classes-" + variant));
        Files.writeString(sources.resolve("Service.java"), """
                import java.nio.file.*;
                public class Service {
                    static final String VARIANT = "%s";
                    public static void main(String[] args) throws Exception {
                        Path self = Path.of(Service.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                        if ("tools".equals(System.getProperty("jarmode"))) {
                            Path destination = Files.createDirectories(Path.of(args[2]));
                            Files.copy(self, destination.resolve(self.getFileName()));
                            return;
                        }
                        System.out.println("ready");
                        Thread.currentThread().join();
                    }
                }
                """.formatted(variant));
        int compiled = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                sources.resolve("Service.java").toString());
        assertThat(compiled).isZero();
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "Service");
        Path jar = build.resolve("service.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.putNextEntry(new JarEntry("Service.class"));
            out.write(Files.readAllBytes(classes.resolve("Service.class")));
            out.closeEntry();
        }
        return jar;
    }
}
