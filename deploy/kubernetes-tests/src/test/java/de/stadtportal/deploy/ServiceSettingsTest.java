package de.stadtportal.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What each service reads from its environment (its {@code application.yml} placeholders and the
 * settings bound by name, {@link ServiceConfiguration}) against what the manifests give it: nothing it
 * needs is missing, nothing it would look for on localhost is left to its default, nothing set is
 * a name it never reads, and it listens where its container and probes say.
 */
class ServiceSettingsTest {

    /** Addresses only read for a feature the setting next to them leaves off. */
    private static final Map<String, String> READ_ONLY_WHEN = Map.of(
            "REDIS_URL", "RATE_LIMIT_STORE=redis",
            "REDIS_HOST", "RATE_LIMIT_STORE=redis",
            "ZIPKIN_ENDPOINT", "TRACING_EXPORT_ENABLED=true");

    /** The JVM reads it, not Spring. */
    private static final Set<String> READ_BY_THE_JVM = Set.of("JAVA_TOOL_OPTIONS");

    static Stream<String> overlays() {
        return Overlay.names();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void every_variable_a_service_needs_and_has_no_default_for_is_set(String name) {
        Overlay overlay = Overlay.rendered(name);
        for (String service : ServiceConfiguration.SERVICES) {
            ServiceConfiguration configuration = ServiceConfiguration.of(service);
            Map<String, String> environment = overlay.environment(overlay.container(service));
            configuration.variables().forEach((variable, defaultValue) -> {
                if (defaultValue.isEmpty()) {
                    assertThat(environment).as(service + " needs " + variable + " (no default)").containsKey(variable);
                    assertThat(environment.get(variable)).as(service + " " + variable).isNotBlank();
                }
            });
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void no_service_is_left_looking_for_a_neighbour_on_localhost(String name) {
        Overlay overlay = Overlay.rendered(name);
        for (String service : ServiceConfiguration.SERVICES) {
            Map<String, String> environment = overlay.environment(overlay.container(service));
            ServiceConfiguration.of(service).variables().forEach((variable, defaultValue) -> {
                boolean localDefault = defaultValue.filter(value -> value.contains("localhost")).isPresent();
                if (localDefault && !featureOff(variable, environment) && !overriddenByOuter(variable, service, environment)) {
                    assertThat(environment).as(service + ": " + variable + " defaults to " + defaultValue.get()
                            + ", which in a pod is the pod itself").containsKey(variable);
                }
            });
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void every_variable_set_for_a_service_is_one_it_reads(String name) {
        Overlay overlay = Overlay.rendered(name);
        Set<String> readBySome = new HashSet<>();
        for (String service : ServiceConfiguration.SERVICES) {
            Set<String> read = ServiceConfiguration.of(service).variables().keySet();
            readBySome.addAll(read);
            assertThat(overlay.ownVariables(overlay.container(service))).as(service + " is given only what it reads")
                    .allSatisfy(variable -> assertThat(read.contains(variable) || READ_BY_THE_JVM.contains(variable))
                            .as(variable).isTrue());
        }
        ConfigMap shared = overlay.all(ConfigMap.class).stream().filter(map -> Overlay.isShared(map.getMetadata().getName()))
                .findFirst().orElseThrow();
        assertThat(readBySome).as("every shared setting is read by a service").containsAll(shared.getData().keySet());
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void every_service_listens_on_the_ports_its_container_declares(String name) {
        Overlay overlay = Overlay.rendered(name);
        for (String service : ServiceConfiguration.SERVICES) {
            ServiceConfiguration configuration = ServiceConfiguration.of(service);
            Container container = overlay.container(service);
            Map<String, String> environment = overlay.environment(container);
            assertThat(port(container, "http")).as(service + " API port")
                    .isEqualTo(listening(configuration.port(), environment));
            assertThat(port(container, "management")).as(service + " management port")
                    .isEqualTo(listening(configuration.managementPort(), environment));
        }
    }

    @Test
    void the_settings_bound_by_name_are_still_declared_where_the_test_says() {
        for (ServiceConfiguration.BoundSetting setting : ServiceConfiguration.BOUND_BY_NAME) {
            assertThat(ServiceConfiguration.read(Overlay.ROOT.resolve(setting.source()))).as(setting.variable())
                    .contains(setting.declaration());
        }
    }

    @Test
    void the_placeholders_are_found_nested_and_property_references_are_not_variables() {
        Map<String, Optional<String>> found = Placeholders.in(
                "url: ${REDIS_URL:redis://${REDIS_HOST:localhost}:${REDIS_PORT:6379}}\nname: ${spring.application.name}\nx: ${ISSUER}");

        assertThat(found).containsOnlyKeys("REDIS_URL", "REDIS_HOST", "REDIS_PORT", "ISSUER");
        assertThat(found.get("REDIS_URL")).contains("redis://${REDIS_HOST:localhost}:${REDIS_PORT:6379}");
        assertThat(found.get("ISSUER")).isEmpty();
    }

    /** REDIS_HOST inside REDIS_URL's default is not read when REDIS_URL is set. */
    private static boolean overriddenByOuter(String variable, String service, Map<String, String> environment) {
        return ServiceConfiguration.of(service).variables().entrySet().stream()
                .anyMatch(outer -> outer.getValue().filter(value -> value.contains("${" + variable)).isPresent()
                        && environment.containsKey(outer.getKey()));
    }

    private static boolean featureOff(String variable, Map<String, String> environment) {
        String condition = READ_ONLY_WHEN.get(variable);
        if (condition == null) {
            return false;
        }
        String[] setting = condition.split("=", 2);
        return !setting[1].equals(environment.get(setting[0]));
    }

    /** Set in the manifests, else in the image (the Dockerfile's ENV), else the application.yml default. */
    private static int listening(ServiceConfiguration.Placeholder placeholder, Map<String, String> environment) {
        String set = environment.getOrDefault(placeholder.variable(), imageEnvironment().get(placeholder.variable()));
        return set == null ? placeholder.defaultValue() : Integer.parseInt(set);
    }

    /** The ENV lines of the Dockerfile's last stage, the image every service runs from. */
    private static Map<String, String> imageEnvironment() {
        String dockerfile = ServiceConfiguration.read(Overlay.ROOT.resolve("Dockerfile"));
        String runtime = dockerfile.substring(dockerfile.lastIndexOf("\nFROM "));
        Map<String, String> environment = new HashMap<>();
        Matcher line = Pattern.compile("(?m)^ENV (\\w+)=\"?([^\"\\n]*)\"?$").matcher(runtime);
        while (line.find()) {
            environment.put(line.group(1), line.group(2));
        }
        return environment;
    }

    @Test
    void the_image_sets_ports_of_its_own_so_every_service_is_given_its_ports_explicitly() {
        assertThat(imageEnvironment()).containsKeys("PORT", "MANAGEMENT_PORT");
    }

    private static int port(Container container, String portName) {
        return container.getPorts().stream().filter(port -> portName.equals(port.getName())).map(ContainerPort::getContainerPort)
                .findFirst().orElseThrow(() -> new AssertionError(container.getName() + " has no port " + portName));
    }
}
