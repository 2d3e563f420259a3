package de.stadtportal.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * One overlay under {@code deploy/kubernetes/overlays}, rendered once per test run and read into the
 * API model, with the questions the tests ask of it: which workloads, which pods, what a container's
 * environment holds.
 */
final class Overlay {

    static final Path ROOT = Path.of(System.getProperty("stadtportal.root", "../..")).toAbsolutePath().normalize();
    static final Path KUBERNETES = ROOT.resolve("deploy/kubernetes");
    static final String SHARED_CONFIG_MAP = "platform";
    private static final Map<String, Overlay> RENDERED = new ConcurrentHashMap<>();

    private final String name;
    private final List<JsonNode> documents;
    private final List<Object> objects;

    private Overlay(String name, List<JsonNode> documents) {
        this.name = name;
        this.documents = documents;
        this.objects = documents.stream().map(KubernetesModel::read).toList();
    }

    /** Every overlay's name (a directory under overlays/). */
    static Stream<String> names() {
        try (Stream<Path> directories = Files.list(KUBERNETES.resolve("overlays"))) {
            return directories.filter(Files::isDirectory).map(path -> path.getFileName().toString()).sorted().toList().stream();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static Overlay rendered(String name) {
        return RENDERED.computeIfAbsent(name, overlay -> new Overlay(overlay, Kustomize.build(KUBERNETES.resolve("overlays").resolve(overlay))));
    }

    String name() {
        return name;
    }

    List<JsonNode> documents() {
        return documents;
    }

    <T> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> Optional<T> named(Class<T> type, String objectName) {
        return all(type).stream().filter(object -> object.getMetadata().getName().equals(objectName)).findFirst();
    }

    /** Deployments and StatefulSets, by name, with their pod templates. */
    Map<String, PodTemplateSpec> workloads() {
        Map<String, PodTemplateSpec> workloads = new LinkedHashMap<>();
        all(Deployment.class).forEach(deployment -> workloads.put(deployment.getMetadata().getName(), deployment.getSpec().getTemplate()));
        all(StatefulSet.class).forEach(set -> workloads.put(set.getMetadata().getName(), set.getSpec().getTemplate()));
        return workloads;
    }

    Deployment deployment(String service) {
        return named(Deployment.class, service).orElseThrow(() -> new AssertionError(name + " has no Deployment " + service));
    }

    Container container(String service) {
        return deployment(service).getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    /**
     * What the container's environment holds: its own variables (the value, or "(secret)" and
     * "(config map)" for references) and every key of the ConfigMaps and rendered Secrets it takes whole.
     */
    Map<String, String> environment(Container container) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (EnvFromSource source : container.getEnvFrom()) {
            if (source.getConfigMapRef() != null) {
                named(ConfigMap.class, source.getConfigMapRef().getName())
                        .orElseThrow(() -> new AssertionError(name + ": no ConfigMap " + source.getConfigMapRef().getName()))
                        .getData().forEach(environment::put);
            }
            if (source.getSecretRef() != null) {
                named(Secret.class, source.getSecretRef().getName())
                        .ifPresent(secret -> secret.getData().keySet().forEach(key -> environment.put(key, "(secret)")));
            }
        }
        for (EnvVar variable : container.getEnv()) {
            if (variable.getValueFrom() == null) {
                environment.put(variable.getName(), variable.getValue() == null ? "" : variable.getValue());
            } else if (variable.getValueFrom().getConfigMapKeyRef() != null) {
                String mapName = variable.getValueFrom().getConfigMapKeyRef().getName();
                String key = variable.getValueFrom().getConfigMapKeyRef().getKey();
                environment.put(variable.getName(), named(ConfigMap.class, mapName)
                        .map(map -> map.getData().get(key))
                        .orElseThrow(() -> new AssertionError(name + ": no key " + key + " in ConfigMap " + mapName)));
            } else {
                environment.put(variable.getName(), "(secret)");
            }
        }
        return environment;
    }

    /** The names of the variables set one by one or through the service's own ConfigMap (not the shared one). */
    List<String> ownVariables(Container container) {
        List<String> names = new ArrayList<>();
        for (EnvFromSource source : container.getEnvFrom()) {
            if (source.getConfigMapRef() != null && !isShared(source.getConfigMapRef().getName())) {
                named(ConfigMap.class, source.getConfigMapRef().getName()).ifPresent(map -> names.addAll(map.getData().keySet()));
            }
        }
        container.getEnv().forEach(variable -> names.add(variable.getName()));
        return names;
    }

    /** The ConfigMap of the settings every service shares ({@code platform}, with kustomize's hash). */
    static boolean isShared(String configMapName) {
        return configMapName.matches(SHARED_CONFIG_MAP + "(-[a-z0-9]+)?");
    }

    @Override
    public String toString() {
        return name;
    }
}
