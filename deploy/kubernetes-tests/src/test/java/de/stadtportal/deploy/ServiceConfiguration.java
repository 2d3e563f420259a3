package de.stadtportal.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.Yaml;

/**
 * What a service reads from its environment, taken from its own sources rather than written down a
 * second time: every {@code ${VARIABLE:default}} placeholder of its {@code application.yml} (and of the
 * shared web module's defaults for the services built on it), plus the settings bound by name
 * ({@link #BOUND_BY_NAME}), each checked to still exist where it is declared.
 */
final class ServiceConfiguration {

    private static final String TOKEN_PROPERTIES = "platform/web/src/main/java/de/stadtportal/web/security/TokenProperties.java";

    /** The six services; their Deployments carry these names. */
    static final List<String> SERVICES = List.of("gateway-service", "content-service", "events-service",
            "search-service", "portal-web", "identity-service");

    /** The services behind the gateway that only the gateway may call. */
    static final List<String> BACKENDS = List.of("content-service", "events-service", "search-service", "portal-web");

    /**
     * Settings read through Spring's relaxed binding of a properties record rather than a placeholder:
     * the variable, the source file that declares its property, and whether it has a default there.
     */
    static final List<BoundSetting> BOUND_BY_NAME = List.of(
            new BoundSetting("STADTPORTAL_SECURITY_JWT_ISSUER", TOKEN_PROPERTIES, "String issuer", false),
            new BoundSetting("STADTPORTAL_SECURITY_JWT_AUDIENCE", TOKEN_PROPERTIES, "String audience", true),
            // or STADTPORTAL_SECURITY_JWT_PUBLIC_KEY_LOCATION: one of the two is needed, Kubernetes uses the JWK set
            new BoundSetting("STADTPORTAL_SECURITY_JWT_JWK_SET_URI", TOKEN_PROPERTIES, "String jwkSetUri", false),
            new BoundSetting("STADTPORTAL_IDENTITY_KEYS_SALT", "identity-service/src/main/java/de/stadtportal/identity/IdentityProperties.java",
                    "String salt", true));

    private static final String WEB_MODULE = "<artifactId>stadtportal-web</artifactId>";
    private static final Path WEB_DEFAULTS = Path.of("platform/web/src/main/java/de/stadtportal/web/ObservabilityDefaults.java");

    private final String service;
    private final Map<String, Optional<String>> variables;
    private final Map<String, Object> applicationYml;

    private ServiceConfiguration(String service, Map<String, Optional<String>> variables, Map<String, Object> applicationYml) {
        this.service = service;
        this.variables = variables;
        this.applicationYml = applicationYml;
    }

    static ServiceConfiguration of(String service) {
        Path root = Overlay.ROOT;
        String yml = read(root.resolve(service).resolve("src/main/resources/application.yml"));
        Map<String, Optional<String>> variables = new LinkedHashMap<>(Placeholders.in(yml));
        if (usesWebModule(service)) {
            variables.putAll(Placeholders.in(read(root.resolve(WEB_DEFAULTS))));
            for (BoundSetting setting : BOUND_BY_NAME) {
                if (setting.source().startsWith("platform/web/")) {
                    variables.put(setting.variable(), setting.defaulted() ? Optional.of("(default)") : Optional.empty());
                }
            }
        }
        for (BoundSetting setting : BOUND_BY_NAME) {
            if (setting.source().startsWith(service + "/")) {
                variables.put(setting.variable(), setting.defaulted() ? Optional.of("(default)") : Optional.empty());
            }
        }
        Map<String, Object> parsed = new Yaml().load(yml);
        return new ServiceConfiguration(service, variables, parsed);
    }

    static boolean usesWebModule(String service) {
        return read(Overlay.ROOT.resolve(service).resolve("pom.xml")).contains(WEB_MODULE);
    }

    String service() {
        return service;
    }

    /** Every variable the service reads, with its default where it has one. */
    Map<String, Optional<String>> variables() {
        return variables;
    }

    /** The placeholder {@code server.port} (or {@code management.server.port}) is written as. */
    Placeholder port() {
        return Placeholder.of(String.valueOf(dig(applicationYml, "server", "port")));
    }

    Placeholder managementPort() {
        return Placeholder.of(String.valueOf(dig(applicationYml, "management", "server", "port")));
    }

    private static Object dig(Map<String, Object> map, String... keys) {
        Object value = map;
        for (String key : keys) {
            value = ((Map<?, ?>) value).get(key);
        }
        return value;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** A variable bound by name to the record component {@code declaration} in {@code source}. */
    record BoundSetting(String variable, String source, String declaration, boolean defaulted) {
    }

    /** One {@code ${VARIABLE:default}} of a port setting. */
    record Placeholder(String variable, int defaultValue) {
        static Placeholder of(String text) {
            Map<String, Optional<String>> found = Placeholders.in(text);
            Map.Entry<String, Optional<String>> only = found.entrySet().iterator().next();
            return new Placeholder(only.getKey(), Integer.parseInt(only.getValue().orElseThrow()));
        }
    }
}
