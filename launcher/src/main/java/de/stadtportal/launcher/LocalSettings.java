package de.stadtportal.launcher;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the local platform lives and listens. Every port can be moved with an environment variable,
 * which the error for a port in use names. Each service has two: its public port and its management
 * port (actuator: health, metrics), which the gateway never routes.
 */
record LocalSettings(Path root, Path home, int postgresPort, int kafkaPort, int kafkaControllerPort, int partitions,
        Map<String, Integer> servicePorts, Map<String, Integer> managementPorts) {

    static LocalSettings fromEnvironment(Path root, Path home) {
        return new LocalSettings(root, home,
                port("STADTPORTAL_POSTGRES_PORT", 15432),
                port("STADTPORTAL_KAFKA_PORT", 19092),
                port("STADTPORTAL_KAFKA_CONTROLLER_PORT", 19093),
                // the partitions of every topic the services declare: room for 6 instances of a consumer group
                port("STADTPORTAL_TOPIC_PARTITIONS", 6),
                Map.of(
                        "gateway-service", port("GATEWAY_PORT", 8080),
                        "content-service", port("CONTENT_PORT", 8081),
                        "events-service", port("EVENTS_PORT", 8082),
                        "search-service", port("SEARCH_PORT", 8083),
                        "identity-service", port("IDENTITY_PORT", 8085),
                        "portal-web", port("PORTAL_WEB_PORT", 8084)),
                Map.of(
                        "gateway-service", port("GATEWAY_MANAGEMENT_PORT", 9080),
                        "content-service", port("CONTENT_MANAGEMENT_PORT", 9081),
                        "events-service", port("EVENTS_MANAGEMENT_PORT", 9082),
                        "search-service", port("SEARCH_MANAGEMENT_PORT", 9083),
                        "identity-service", port("IDENTITY_MANAGEMENT_PORT", 9085),
                        "portal-web", port("PORTAL_WEB_MANAGEMENT_PORT", 9084)));
    }

    /** The key under which a service's management port is checked and named: {@code content-service management}. */
    static String management(String service) {
        return service + " management";
    }

    static String portVariable(String service) {
        if (service.endsWith(" management")) {
            return portVariable(service.substring(0, service.indexOf(' '))).replace("_PORT", "_MANAGEMENT_PORT");
        }
        return switch (service) {
            case "portal-web" -> "PORTAL_WEB_PORT";
            case "postgresql" -> "STADTPORTAL_POSTGRES_PORT";
            case "kafka" -> "STADTPORTAL_KAFKA_PORT";
            case "kafka-controller" -> "STADTPORTAL_KAFKA_CONTROLLER_PORT";
            // a service's variable is its name's first word: content-service -> CONTENT_PORT
            default -> service.substring(0, service.indexOf('-') < 0 ? service.length() : service.indexOf('-'))
                    .toUpperCase(java.util.Locale.ROOT) + "_PORT";
        };
    }

    int port(String service) {
        return servicePorts.get(service);
    }

    int managementPort(String service) {
        return managementPorts.get(service);
    }

    String kafkaBootstrap() {
        return "localhost:" + kafkaPort;
    }

    static int port(String variable, int fallback) {
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new LaunchException(variable + "=" + value + " is not a number");
        }
    }
}
