package de.stadtportal.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The running local platform: infrastructure in this JVM, each service in a JVM of its own. Used by
 * {@code ./stadtportal up} and by the end-to-end tests, which start it exactly as a user does.
 */
public final class LocalPlatform implements AutoCloseable {

    private static final List<String> BACKENDS = List.of("content-service", "events-service", "search-service");

    /** Every service, each with a public port and a management port. */
    public static final List<String> SERVICES = List.of("gateway-service", "content-service", "events-service",
            "search-service", "portal-web");

    private final LocalSettings settings;
    private final PrintStream out;
    private final LocalKeys keys;
    private final LocalInfrastructure infrastructure;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> overrides = new HashMap<>();
    private boolean started;

    LocalPlatform(LocalSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
        this.keys = new LocalKeys(settings.home().resolve("keys"));
        this.infrastructure = new LocalInfrastructure(settings);
    }

    /**
     * A platform for tests: data under {@code home}, every port chosen by the caller.
     *
     * @param ports ports for postgresql, kafka, kafka-controller, the four services ({@code content-service})
     *              and their management ports ({@code content-service management})
     */
    public static LocalPlatform forTests(Path root, Path home, Map<String, Integer> ports, PrintStream out) {
        Map<String, Integer> servicePorts = new HashMap<>();
        Map<String, Integer> managementPorts = new HashMap<>();
        for (String service : SERVICES) {
            // a caller that does not name a service's ports (it predates the service) gets free ones
            servicePorts.put(service, ports.containsKey(service) ? ports.get(service) : freePort());
            managementPorts.put(service, ports.containsKey(LocalSettings.management(service))
                    ? ports.get(LocalSettings.management(service)) : freePort());
        }
        return new LocalPlatform(new LocalSettings(root, home, ports.get("postgresql"), ports.get("kafka"),
                ports.get("kafka-controller"), 3, servicePorts, managementPorts), out);
    }

    /**
     * Settings for one service that win over the platform's own, given as environment variables
     * (a benchmark lifts the gateway's rate limits this way). Takes effect at the next start.
     */
    public synchronized LocalPlatform override(String service, Map<String, String> environment) {
        overrides.computeIfAbsent(service, name -> new HashMap<>()).putAll(environment);
        return this;
    }

    /** Starts everything and waits until every service is ready; answers how long that took. */
    public synchronized Duration start() {
        long begin = System.nanoTime();
        checkPorts();
        Path logs = settings.home().resolve("logs");
        out.println("stadtportal: starting PostgreSQL and Kafka (data in " + settings.home() + ")");
        this.started = true;
        infrastructure.start();

        Map<String, String> security = Map.of(
                "STADTPORTAL_SECURITY_JWT_PUBLIC_KEY_LOCATION", "file:" + keys.publicKeyFile(),
                "STADTPORTAL_SECURITY_JWT_ISSUER", LocalKeys.ISSUER,
                "STADTPORTAL_SECURITY_JWT_AUDIENCE", LocalKeys.AUDIENCE);
        for (String backend : BACKENDS) {
            String database = backend.replace("-service", "");
            Map<String, String> environment = new HashMap<>(security);
            environment.put("DATABASE_R2DBC_URL", infrastructure.r2dbcUrl(database));
            environment.put("DATABASE_JDBC_URL", infrastructure.jdbcUrl(database));
            environment.put("DATABASE_USER", infrastructure.username());
            environment.put("DATABASE_PASSWORD", infrastructure.password());
            environment.put("KAFKA_BOOTSTRAP_SERVERS", settings.kafkaBootstrap());
            services.put(backend, service(backend, environment, logs));
        }
        Map<String, String> gatewayEnvironment = new HashMap<>(security);
        gatewayEnvironment.put("CONTENT_URI", "http://localhost:" + settings.port("content-service"));
        gatewayEnvironment.put("EVENTS_URI", "http://localhost:" + settings.port("events-service"));
        gatewayEnvironment.put("SEARCH_URI", "http://localhost:" + settings.port("search-service"));
        gatewayEnvironment.put("PORTAL_WEB_URI", "http://localhost:" + settings.port("portal-web"));
        services.put("gateway-service", service("gateway-service", gatewayEnvironment, logs));
        // the city portal reads the public API through the gateway, like any other client
        services.put("portal-web", service("portal-web", Map.of("STADTPORTAL_API_URL", gatewayUrl()), logs));

        services.values().forEach(service -> service.start(out));
        services.values().forEach(service -> service.awaitReady(Duration.ofSeconds(180)));
        return Duration.ofNanos(System.nanoTime() - begin);
    }

    public void loadDemoDataOnce() {
        new DemoData(gatewayUrl(), settings.home(), keys).loadOnce(out);
    }

    public String gatewayUrl() {
        return "http://localhost:" + settings.port("gateway-service");
    }

    public String serviceUrl(String service) {
        return "http://localhost:" + settings.port(service);
    }

    /** Where a service's actuator answers (health, metrics): its management port, never routed by the gateway. */
    public String managementUrl(String service) {
        return "http://localhost:" + settings.managementPort(service);
    }

    /** A token this platform accepts: role editor (for the given cities, comma-separated) or admin. */
    public String token(String role, String cities) {
        return keys.token(role + "@" + cities, List.of(role), List.of(cities.split(",")), Duration.ofHours(12));
    }

    /** Stops one service (SIGTERM, then SIGKILL after a grace period). */
    public void stopService(String name) {
        services.get(name).stop();
    }

    /** Kills one service at once, as a crash would. */
    public void killService(String name) {
        services.get(name).kill();
    }

    /** Starts a stopped service again and waits until it is ready. */
    public void restartService(String name) {
        ServiceProcess service = services.get(name);
        service.start(out);
        service.awaitReady(Duration.ofSeconds(180));
    }

    /** Takes the Kafka broker away; writes keep landing in the outboxes. */
    public void stopKafka() {
        infrastructure.stopKafka();
    }

    /** Brings the broker back on the same port with its data. */
    public void startKafka() {
        infrastructure.startKafka();
    }

    /** Restarts PostgreSQL (all three databases) after being down for {@code down}. */
    public void restartDatabase(Duration down) {
        infrastructure.restartPostgres(down);
    }

    /** The operating-system process of a running service, to read its memory for example. */
    public long processId(String service) {
        return services.get(service).pid();
    }

    /** A JDBC connection to one service's own database ({@code content}, {@code events}, {@code search}). */
    public Connection database(String database) throws SQLException {
        return DriverManager.getConnection(infrastructure.jdbcUrl(database), infrastructure.username(),
                infrastructure.password());
    }

    /** The broker's address, for tests that inspect topics (dead letters, for example). */
    public String kafkaBootstrapServers() {
        return settings.kafkaBootstrap();
    }

    @Override
    public synchronized void close() {
        if (!started) {
            return;
        }
        started = false;
        out.println("stadtportal: stopping …");
        List<ServiceProcess> running = new ArrayList<>(services.values());
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).stop();
        }
        infrastructure.close();
        out.println("stadtportal: stopped");
    }

    private ServiceProcess service(String name, Map<String, String> environment, Path logs) {
        Path jar = settings.root().resolve(name).resolve("target").resolve(name + "-0.1.0-SNAPSHOT-exec.jar");
        Map<String, String> effective = new HashMap<>(environment);
        // links and API documents name the gateway, the platform's one public address
        effective.putIfAbsent("PUBLIC_BASE_URL", gatewayUrl());
        effective.putAll(overrides.getOrDefault(name, Map.of()));
        return new ServiceProcess(name, jar, settings.port(name), settings.managementPort(name), effective, logs);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new LaunchException("no free port: " + e.getMessage());
        }
    }

    private void checkPorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("postgresql", settings.postgresPort());
        ports.put("kafka", settings.kafkaPort());
        ports.put("kafka-controller", settings.kafkaControllerPort());
        for (String service : SERVICES) {
            ports.put(service, settings.port(service));
            ports.put(LocalSettings.management(service), settings.managementPort(service));
        }
        ports.forEach((what, port) -> {
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress("localhost", port));
            } catch (IOException e) {
                throw new LaunchException("port " + port + " (" + what + ") is in use. Stop what uses it, or move "
                        + what + " elsewhere: " + LocalSettings.portVariable(what) + "=" + (port < 55000 ? port + 10000 : port - 10000)
                        + " ./stadtportal up");
            }
        });
    }
}
