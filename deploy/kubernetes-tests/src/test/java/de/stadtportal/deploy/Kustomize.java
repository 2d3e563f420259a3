package de.stadtportal.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Renders a kustomization as {@code kubectl apply -k} would, with the kustomize the machine has: the
 * binary named by {@code KUSTOMIZE}, else {@code kustomize} on the path, else the one built into
 * {@code kubectl} ({@code kubectl kustomize}). No Java implementation of kustomize exists, so the test
 * runs the real one rather than a look-alike; without any of them it fails and says how to get one.
 */
final class Kustomize {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Kustomize() {
    }

    /** The objects the kustomization in {@code directory} renders to, in kustomize's order. */
    static List<JsonNode> build(Path directory) {
        List<String> command = new ArrayList<>(command());
        command.add(directory.toString());
        try {
            Path errors = Files.createTempFile("kustomize", ".err");
            Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed:\n" + Files.readString(errors));
            }
            Files.delete(errors);
            List<JsonNode> objects = new ArrayList<>();
            for (JsonNode object : YAML.readerFor(JsonNode.class).<JsonNode>readValues(output).readAll()) {
                if (object != null && !object.isNull() && !object.isMissingNode()) {
                    objects.add(object);
                }
            }
            return objects;
        } catch (IOException e) {
            throw new AssertionError(String.join(" ", command) + " could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static List<String> command() {
        String configured = System.getenv("KUSTOMIZE");
        if (configured != null && !configured.isBlank()) {
            return List.of(configured, "build");
        }
        if (onPath("kustomize")) {
            return List.of("kustomize", "build");
        }
        if (onPath("kubectl")) {
            return List.of("kubectl", "kustomize");
        }
        throw new AssertionError("Rendering the manifests needs kustomize: install kubectl (it contains kustomize)"
                + " or kustomize, or name the binary in KUSTOMIZE");
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String directory : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(directory, program))) {
                return true;
            }
        }
        return false;
    }
}
