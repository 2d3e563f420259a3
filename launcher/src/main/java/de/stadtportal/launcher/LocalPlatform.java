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
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The running local platform: infrastructure in this JVM, each service in a JVM of its own. Used by
 * {@code ./stadtportal up} and by the end-to-end tests, which start it exactly as a user does.
 * identity-service signs every token; the other services and the gateway verify them through its JWK
 * set, its issuer and the audience {@code stadtportal}. What a service gets in its environment is
 * decided by its kind in {@link #environment}; a new service is a name in {@link #SERVICES} and, if
 * it keeps data, in {@code DATABASES}.
 */
public final class LocalPlatform implements AutoCloseable {

    /** The services with a database and Kafka that verify tokens (reactive: R2DBC for data, JDBC for Flyway). */
    private static final List<String> BACKENDS = List.of("content-service", "events-service", "search-service");

    /** Every service, each with a public port and a management port; started in this order (the provider first). */
    public static final List<String> SERVICES = List.of("identity-service", "gateway-service", "content-service",
            "events-service", "search-service", "portal-web");

    /** The audience of the platform's tokens, which every service checks. */
    public static final String AUDIENCE = "stadtportal";
    /** The machine client of {@code ./stadtportal token}; the tests' further ones are {@code stadtportal-cli-<n>}. */
    public static final String CLI_CLIENT = "stadtportal-cli";

    private static final String IDENTITY = "identity-service";
    private static final String PORTAL = "portal-web";
    /** A failure detector, not a goal: on a machine shared with builds (load 30 on 2 cores) one start took 5 min. */
    private static final Duration READY_WITHIN = Duration.ofSeconds(600);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LocalSettings settings;
    private final PrintStream out;
    private final LocalInfrastructure infrastructure;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> overrides = new HashMap<>();
    private final int extraMachineClients;
    private final AtomicInteger nextClient = new AtomicInteger();
    private boolean started;
    private ServiceProcess traceViewer;
    private int traceViewerPort;

    LocalPlatform(LocalSettings settings, PrintStream out) {
        this(settings, out, 0);
    }

    private LocalPlatform(LocalSettings settings, PrintStream out, int extraMachineClients) {
        this.settings = settings;
        this.out = out;
        this.infrastructure = new LocalInfrastructure(settings);
        this.extraMachineClients = extraMachineClients;
    }

    /**
     * A platform for tests: data under {@code home}, every port chosen by the caller. Its provider has
     * {@code machineClients} machine clients besides {@code stadtportal-cli}, so that {@link #token}
     * hands out tokens of that many different subjects (each with a rate-limit budget of its own).
     *
     * @param ports ports for postgresql, kafka, kafka-controller, every service of {@link #SERVICES}
     *              ({@code content-service}) and their management ports ({@code content-service management})
     */
    public static LocalPlatform forTests(Path root, Path home, Map<String, Integer> ports, int machineClients,
            PrintStream out) {
        Map<String, Integer> servicePorts = new HashMap<>();
        Map<String, Integer> managementPorts = new HashMap<>();
        for (String service : SERVICES) {
            // a caller that does not know a service yet gets free ports for it
            servicePorts.put(service, ports.containsKey(service) ? ports.get(service) : freePort());
            String management = LocalSettings.management(service);
            managementPorts.put(service, ports.containsKey(management) ? ports.get(management) : freePort());
        }
        return new LocalPlatform(new LocalSettings(root, home, ports.get("postgresql"), ports.get("kafka"),
                ports.get("kafka-controller"), 3, servicePorts, managementPorts), out, machineClients);
    }

    /** A platform for tests with {@code stadtportal-cli} as its only machine client. */
    public static LocalPlatform forTests(Path root, Path home, Map<String, Integer> ports, PrintStream out) {
        return forTests(root, home, ports, 0, out);
    }

    /**
     * Settings for one service that win over the platform's own, given as environment variables
     * (a benchmark lifts the gateway's rate limits this way). Takes effect at the next start.
     */
    public synchronized LocalPlatform override(String service, Map<String, String> environment) {
        overrides.computeIfAbsent(service, name -> new HashMap<>()).putAll(environment);
        return this;
    }

    /**
     * Starts Zipkin's server ({@code zipkinJar}, its exec jar) on {@code port} before the services
     * and has every service export its spans to it. Takes effect at the next start.
     */
    public synchronized LocalPlatform traceTo(Path zipkinJar, int port) {
        if (!java.nio.file.Files.exists(zipkinJar)) {
            throw new LaunchException(zipkinJar + " is missing: ./stadtportal up --tracing fetches it");
        }
        traceViewer = ServiceProcess.traceViewer(zipkinJar, port, settings.home().resolve("logs"));
        traceViewerPort = port;
        return this;
    }

    /** Where the trace viewer answers (its UI at {@code /zipkin/}, its API at {@code /api/v2/…}). */
    public String traceViewerUrl() {
        return "http://localhost:" + traceViewerPort;
    }

    /**
     * Starts everything and waits until every service is ready; answers how long that took. The
     * services start together: they fetch the provider's keys only when the first token arrives. If a
     * service fails or is not ready in time, everything started so far is stopped again.
     */
    public synchronized Duration start() {
        long begin = System.nanoTime();
        checkPorts();
        out.println("stadtportal: starting PostgreSQL and Kafka (data in " + settings.home() + ")");
        this.started = true;
        try {
            infrastructure.start();
            if (traceViewer != null) {
                traceViewer.start(out);
                traceViewer.awaitReady(READY_WITHIN);
            }
            for (String name : SERVICES) {
                services.put(name, service(name, name, settings.port(name), settings.managementPort(name),
                        databaseOf(name), Map.of()));
            }
            services.values().forEach(service -> service.start(out));
            services.values().forEach(service -> service.awaitReady(READY_WITHIN));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        return Duration.ofNanos(System.nanoTime() - begin);
    }

    /**
     * Starts one more process of {@code service} (its packaged jar) next to the platform, on free
     * ports, with its own database {@code database} (created if missing) on the platform's PostgreSQL,
     * the platform's Kafka, the environment the platform would give that service, and
     * {@code environment} over it. Waits until it is ready; it stops with the platform. A test points
     * a service at another identity provider this way.
     *
     * @param name a name of its own, for its log and {@link #stopService}
     * @return its base URL
     */
    public synchronized String startAnother(String name, String service, String database,
            Map<String, String> environment) {
        if (!started || services.containsKey(name)) {
            throw new LaunchException("start the platform first, and give " + name + " a name of its own");
        }
        infrastructure.createDatabase(database);
        ServiceProcess process = service(name, service, freePort(), freePort(), database, environment);
        services.put(name, process);
        process.start(out);
        try {
            process.awaitReady(READY_WITHIN);
        } catch (RuntimeException e) {
            process.kill();
            throw e;
        }
        return "http://localhost:" + process.port();
    }

    public void loadDemoDataOnce() {
        new DemoData(gatewayUrl(), settings.home(), token("admin", "*")).loadOnce(out);
    }

    /** The platform's identity provider: its base URL, which is also the {@code iss} of its tokens. */
    public String issuer() {
        return serviceUrl(IDENTITY);
    }

    /** The local provider's secrets (the signing keys' encryption, the machine clients' secret). */
    public IdentitySecrets identitySecrets() {
        return IdentitySecrets.of(settings.home());
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

    /**
     * A token of the platform's provider, by client credentials: role editor (for the given cities,
     * comma-separated) or admin ({@code "*"}). Each call asks the next of the platform's machine
     * clients, so consecutive tokens have different subjects when the platform has several.
     */
    public String token(String role, String cities) {
        int client = Math.floorMod(nextClient.getAndIncrement(), extraMachineClients + 1);
        String clientId = client == 0 ? CLI_CLIENT : CLI_CLIENT + "-" + client;
        return new ProviderTokens(issuer(), clientId, identitySecrets().clientSecret(clientId))
                .token(ProviderTokens.scopes(role, cities));
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
        service.awaitReady(READY_WITHIN);
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

    /** A JDBC connection to one service's own database ({@code content}, {@code events}, {@code search}, {@code identity}). */
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
        if (traceViewer != null) {
            traceViewer.stop();
        }
        infrastructure.close();
        out.println("stadtportal: stopped");
    }

    private ServiceProcess service(String name, String service, int port, int managementPort, String database,
            Map<String, String> environment) {
        Path jar = settings.root().resolve(service).resolve("target").resolve(service + "-0.1.0-SNAPSHOT-exec.jar");
        Map<String, String> effective = environment(service, port, database);
        // links and API documents name the gateway, the platform's one public address
        effective.putIfAbsent("PUBLIC_BASE_URL", gatewayUrl());
        if (traceViewer != null) {
            // every span of every service goes to the trace viewer (docs/tracing.md)
            effective.put("TRACING_EXPORT_ENABLED", "true");
            effective.put("ZIPKIN_ENDPOINT", traceViewerUrl() + "/api/v2/spans");
        }
        effective.putAll(overrides.getOrDefault(name, Map.of()));
        effective.putAll(environment);
        return new ServiceProcess(name, jar, port, managementPort, effective, settings.home().resolve("logs"));
    }

    private static String databaseOf(String service) {
        return service.replace("-service", "");
    }

    /** What a service of this kind gets: its database, Kafka, the provider's settings or how to verify its tokens. */
    private Map<String, String> environment(String service, int port, String database) {
        Map<String, String> environment = new HashMap<>();
        if (service.equals(IDENTITY)) {
            String issuer = "http://localhost:" + port;
            IdentitySecrets secrets = identitySecrets();
            environment.put("IDENTITY_PORT", String.valueOf(port));
            environment.put("DATABASE_JDBC_URL", infrastructure.jdbcUrl(database));
            environment.put("DATABASE_USER", infrastructure.username());
            environment.put("DATABASE_PASSWORD", infrastructure.password());
            environment.put("STADTPORTAL_IDENTITY_ISSUER", issuer);
            environment.put("STADTPORTAL_IDENTITY_AUDIENCE", AUDIENCE);
            environment.put("STADTPORTAL_IDENTITY_KEY_PASSWORD", secrets.keyPassword());
            environment.put("STADTPORTAL_IDENTITY_KEYS_SALT", secrets.keySalt());
            environment.put("STADTPORTAL_CLI_CLIENT_SECRET", "{noop}" + secrets.clientSecret());
            // the editorial desk signs editors in from the portal's public address, the gateway's
            environment.put("PORTAL_WEB_CLIENT_SECRET", "{noop}" + secrets.clientSecret(PORTAL));
            environment.put("PORTAL_WEB_BASE_URL", gatewayUrl());
            environment.put("SPRING_APPLICATION_JSON", machineClients(secrets));
            // the seeded people's passwords: the user's, else generated by the provider and logged once
            for (String variable : List.of("STADTPORTAL_ADMIN_PASSWORD", "STADTPORTAL_EDITOR_PASSWORD")) {
                String value = System.getenv(variable);
                if (value != null && !value.isBlank()) {
                    environment.put(variable, value);
                }
            }
            return environment;
        }
        String issuer = issuer();
        environment.put("STADTPORTAL_SECURITY_JWT_JWK_SET_URI", issuer + "/oauth2/jwks");
        environment.put("STADTPORTAL_SECURITY_JWT_ISSUER", issuer);
        environment.put("STADTPORTAL_SECURITY_JWT_AUDIENCE", AUDIENCE);
        if (service.equals("gateway-service")) {
            for (String backend : BACKENDS) {
                environment.put(databaseOf(backend).toUpperCase(java.util.Locale.ROOT) + "_URI",
                        "http://localhost:" + settings.port(backend));
            }
            environment.put("PORTAL_WEB_URI", "http://localhost:" + settings.port(PORTAL));
            return environment;
        }
        if (service.equals(PORTAL)) {
            // the city portal reads the public API through the gateway, like any other client
            environment.put("STADTPORTAL_API_URL", gatewayUrl());
            environment.put("DESK_ISSUER", issuer);
            environment.put("PORTAL_WEB_CLIENT_SECRET", identitySecrets().clientSecret(PORTAL));
            return environment;
        }
        environment.put("DATABASE_R2DBC_URL", infrastructure.r2dbcUrl(database));
        environment.put("DATABASE_JDBC_URL", infrastructure.jdbcUrl(database));
        environment.put("DATABASE_USER", infrastructure.username());
        environment.put("DATABASE_PASSWORD", infrastructure.password());
        environment.put("KAFKA_BOOTSTRAP_SERVERS", settings.kafkaBootstrap());
        return environment;
    }

    /**
     * The machine clients' part of the provider's configuration (as {@code SPRING_APPLICATION_JSON},
     * merged with its own): tokens for an hour instead of five minutes, so that a token printed by
     * {@code up} or held by a long test stays usable; the tests' further clients, each admin at most.
     */
    private String machineClients(IdentitySecrets secrets) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode clients = root.putObject("spring").putObject("security").putObject("oauth2")
                .putObject("authorizationserver").putObject("client");
        ObjectNode ceilings = root.putObject("stadtportal").putObject("identity").putObject("machine-clients");
        clients.putObject(CLI_CLIENT).putObject("token").put("access-token-time-to-live", "1h");
        for (int n = 1; n <= extraMachineClients; n++) {
            String id = CLI_CLIENT + "-" + n;
            ObjectNode client = clients.putObject(id);
            ObjectNode registration = client.putObject("registration").put("client-id", id)
                    .put("client-secret", "{noop}" + secrets.clientSecret(id));
            registration.putArray("client-authentication-methods").add("client_secret_basic");
            registration.putArray("authorization-grant-types").add("client_credentials");
            registration.putArray("scopes").add("stadtportal");
            client.putObject("token").put("access-token-time-to-live", "1h");
            ObjectNode ceiling = ceilings.putObject(id);
            ceiling.putArray("roles").add("admin");
            ceiling.putArray("cities").add("*");
        }
        return JSON.writeValueAsString(root);
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
