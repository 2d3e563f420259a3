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
    /** Addresses of the portal as the gateway sees it, and of the gateway as the portal sees it, when both run here. */
    /** A failure detector, not a goal: on a machine shared with builds (load 30 on 2 cores) one start took 5 min. */
    private static final Duration READY_WITHIN = Duration.ofSeconds(600);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LocalSettings settings;
    private final PrintStream out;
    private final LocalInfrastructure infrastructure;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> overrides = new HashMap<>();
    private final int extraMachineClients;
    private final boolean freePorts;
    private final AtomicInteger nextClient = new AtomicInteger();
    private ServiceInstances instances = ServiceInstances.single();
    /** The public and management port of every instance beyond the first ({@code content-service-2}). */
    private final Map<String, int[]> extraPorts = new LinkedHashMap<>();
    private boolean started;
    /** The thread inside {@link #start()}, which {@link #close()} interrupts rather than waits for. */
    private volatile Thread starting;
    private ServiceProcess traceViewer;
    private int traceViewerPort;
    private LocalOperations operations = new LocalOperations();

    LocalPlatform(LocalSettings settings, PrintStream out) {
        this(settings, out, 0, false);
    }

    private LocalPlatform(LocalSettings settings, PrintStream out, int extraMachineClients, boolean freePorts) {
        this.settings = settings;
        this.out = out;
        this.infrastructure = new LocalInfrastructure(settings);
        this.extraMachineClients = extraMachineClients;
        this.freePorts = freePorts;
    }

    /**
     * A platform for tests: data under {@code home}, every port a free one ({@link FreePorts}), so it
     * runs beside a platform started with the defaults. Its provider has {@code machineClients} machine
     * clients besides {@code stadtportal-cli}, so that {@link #token} hands out tokens of that many
     * different subjects (each with a rate-limit budget of its own).
     */
    public static LocalPlatform forTests(Path root, Path home, int machineClients, PrintStream out) {
        Map<String, Integer> servicePorts = new HashMap<>();
        Map<String, Integer> managementPorts = new HashMap<>();
        for (String service : SERVICES) {
            servicePorts.put(service, FreePorts.pick());
            managementPorts.put(service, FreePorts.pick());
        }
        return new LocalPlatform(new LocalSettings(root, home, FreePorts.pick(), FreePorts.pick(), FreePorts.pick(), 3,
                servicePorts, managementPorts), out, machineClients, true);
    }

    /** A platform for tests with {@code stadtportal-cli} as its only machine client. */
    public static LocalPlatform forTests(Path root, Path home, PrintStream out) {
        return forTests(root, home, 0, out);
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
     * Runs {@code count} instances of each backend service ({@link ServiceInstances}): the further ones
     * as {@code content-service-2}, … on the first one's ports plus 100·(i-1) (a test platform's on free
     * ports), with the same database and consumer group. Takes effect at the next start.
     */
    public synchronized LocalPlatform withInstances(int count) {
        return withInstances(new ServiceInstances(count));
    }

    synchronized LocalPlatform withInstances(ServiceInstances instances) {
        this.instances = instances;
        Map<String, int[]> known = new LinkedHashMap<>(extraPorts);
        extraPorts.clear();
        for (String service : SERVICES) {
            for (String name : instances.extraNames(service)) {
                int instance = ServiceInstances.numberOf(name, service);
                // an instance keeps its ports while the platform grows or shrinks around it
                extraPorts.put(name, known.containsKey(name) ? known.get(name)
                        : freePorts ? new int[] {FreePorts.pick(), FreePorts.pick()}
                        : new int[] {ServiceInstances.port(settings.port(service), instance),
                                ServiceInstances.port(settings.managementPort(service), instance)});
            }
        }
        return this;
    }

    /** Every instance of {@code service}, the first one first: {@code content-service}, {@code content-service-2}, … */
    public List<String> instancesOf(String service) {
        List<String> names = new ArrayList<>(List.of(service));
        names.addAll(instances.extraNames(service));
        return names;
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

    /** JSON logs and a local Prometheus, as the operator asked (see {@link LocalOperations}); at the next start. */
    public synchronized LocalPlatform operate(LocalOperations asked) {
        this.operations = asked;
        return this;
    }

    /** Where a service's output is kept: {@code <home>/logs/<name>.log}. */
    public Path logFile(String name) {
        return settings.home().resolve("logs").resolve(name + ".log");
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
        starting = Thread.currentThread();
        out.println("stadtportal: starting PostgreSQL and Kafka (data in " + settings.home() + ")");
        this.started = true;
        // class data sharing: each jar extracted once per build, while PostgreSQL and Kafka start (docs/startup.md)
        ClassDataSharing.prepareAhead(SERVICES.stream().map(this::jar).toList(), ServiceProcess.JAVA);
        try {
            infrastructure.start();
            if (traceViewer != null) {
                traceViewer.start(out);
                traceViewer.awaitReady(READY_WITHIN);
            }
            for (String name : SERVICES) {
                services.put(name, service(name, name, settings.port(name), settings.managementPort(name),
                        databaseOf(name), Map.of()));
                for (String extra : instances.extraNames(name)) {
                    services.put(extra, service(extra, name, extraPorts.get(extra)[0], extraPorts.get(extra)[1],
                            databaseOf(name), Map.of()));
                }
            }
            services.values().forEach(service -> service.start(out));
            services.values().forEach(service -> service.awaitReady(READY_WITHIN));
            operations.start(settings, instances, out);
        } catch (RuntimeException e) {
            stopAll();
            throw e;
        } finally {
            starting = null;
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
        ServiceProcess process = service(name, service, FreePorts.pick(), FreePorts.pick(), database, environment);
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

    /**
     * Changes the running platform to {@code count} instances of each scaled service: starts the
     * instances it lacks (and waits until they are ready) or stops those beyond {@code count}, then
     * restarts the gateway with the new lists, the one service that must know them. A drill grows a
     * running test platform this way and shrinks it back afterwards.
     */
    public synchronized void scaleTo(int count) {
        if (!started) {
            throw new LaunchException("start the platform first");
        }
        List<String> before = new ArrayList<>(extraPorts.keySet());
        withInstances(count);
        for (String name : before) {
            if (!extraPorts.containsKey(name)) {
                services.remove(name).stop();
            }
        }
        List<ServiceProcess> added = new ArrayList<>();
        for (String service : SERVICES) {
            for (String extra : instances.extraNames(service)) {
                if (!services.containsKey(extra)) {
                    ServiceProcess process = service(extra, service, extraPorts.get(extra)[0],
                            extraPorts.get(extra)[1], databaseOf(service), Map.of());
                    services.put(extra, process);
                    added.add(process);
                }
            }
        }
        added.forEach(process -> process.start(out));
        added.forEach(process -> process.awaitReady(READY_WITHIN));
        String gateway = "gateway-service";
        services.get(gateway).stop();
        ServiceProcess restarted = service(gateway, gateway, settings.port(gateway), settings.managementPort(gateway),
                databaseOf(gateway), Map.of());
        services.put(gateway, restarted);
        restarted.start(out);
        restarted.awaitReady(READY_WITHIN);
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

    /** Where a service answers, or one instance of it by its name ({@code content-service-2}). */
    public String serviceUrl(String service) {
        return "http://localhost:" + (extraPorts.containsKey(service) ? extraPorts.get(service)[0] : settings.port(service));
    }

    /** Where a service's actuator answers (health, metrics): its management port, never routed by the gateway. */
    public String managementUrl(String service) {
        return "http://localhost:" + (extraPorts.containsKey(service) ? extraPorts.get(service)[1]
                : settings.managementPort(service));
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

    /**
     * Stops every service, the trace viewer, Prometheus and the infrastructure. Called while
     * {@link #start()} still waits for the services (Ctrl-C during a start), it interrupts that wait,
     * which then stops what it started, instead of waiting up to the readiness limit for the lock.
     */
    @Override
    public void close() {
        Thread waiting = starting;
        if (waiting != null && waiting != Thread.currentThread()) {
            waiting.interrupt();
        }
        stopAll();
    }

    private synchronized void stopAll() {
        if (!started) {
            return;
        }
        started = false;
        out.println("stadtportal: stopping …");
        // all at once: each JVM's own shutdown, and the writing of a class data sharing archive, takes seconds
        List<Thread> stopping = new ArrayList<>();
        for (ServiceProcess service : services.values()) {
            Thread stop = new Thread(service::stop, service.name() + "-stop");
            stop.start();
            stopping.add(stop);
        }
        for (Thread stop : stopping) {
            try {
                stop.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        operations.stop();
        if (traceViewer != null) {
            traceViewer.stop();
        }
        infrastructure.close();
        out.println("stadtportal: stopped");
    }

    private ServiceProcess service(String name, String service, int port, int managementPort, String database,
            Map<String, String> environment) {
        Path jar = jar(service);
        Map<String, String> effective = environment(service, port, database);
        // links and API documents name the gateway, the platform's one public address
        effective.putIfAbsent("PUBLIC_BASE_URL", gatewayUrl());
        if (traceViewer != null) {
            // every span of every service goes to the trace viewer (docs/tracing.md)
            effective.put("TRACING_EXPORT_ENABLED", "true");
            effective.put("ZIPKIN_ENDPOINT", traceViewerUrl() + "/api/v2/spans");
            // with a viewer at hand every request is recorded (the services' own default is a tenth),
            // unless the user chose a share
            if (System.getenv("TRACING_SAMPLING_PROBABILITY") == null) {
                effective.put("TRACING_SAMPLING_PROBABILITY", "1.0");
            }
        }
        effective.putAll(operations.environment());
        effective.putAll(overrides.getOrDefault(name, Map.of()));
        effective.putAll(environment);
        return new ServiceProcess(name, jar, port, managementPort, effective, settings.home().resolve("logs"));
    }

    private Path jar(String service) {
        return settings.root().resolve(service).resolve("target").resolve(service + "-0.1.0-SNAPSHOT-exec.jar");
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
                // every instance: the gateway balances over the list
                environment.put(databaseOf(backend).toUpperCase(java.util.Locale.ROOT) + "_URI",
                        String.join(",", instancesOf(backend).stream().map(this::serviceUrl).toList()));
            }
            environment.put("PORTAL_WEB_URI", "http://localhost:" + settings.port(PORTAL));
            // no trusted proxy by default, not even the portal: on one machine it shares loopback with every
            // local client, and trusting loopback would let any of them choose its rate-limit bucket and scheme
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
        // the producers declare their topics with enough partitions for every instance of a consumer group
        environment.put("STADTPORTAL_TOPIC_PARTITIONS", String.valueOf(instances.partitions(settings.partitions())));
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

    private void checkPorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("postgresql", settings.postgresPort());
        ports.put("kafka", settings.kafkaPort());
        ports.put("kafka-controller", settings.kafkaControllerPort());
        for (String service : SERVICES) {
            ports.put(service, settings.port(service));
            ports.put(LocalSettings.management(service), settings.managementPort(service));
        }
        extraPorts.forEach((name, instancePorts) -> {
            ports.put(name, instancePorts[0]);
            ports.put(LocalSettings.management(name), instancePorts[1]);
        });
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
