package de.stadtportal.launcher;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./stadtportal up} and {@code ./stadtportal token}. See the package documentation.
 */
public final class Stadtportal {

    private static final PrintStream OUT = System.out;

    private Stadtportal() {
    }

    public static void main(String[] args) {
        Path root = Path.of(System.getProperty("stadtportal.root", ".")).toAbsolutePath().normalize();
        Path home = Path.of(System.getProperty("stadtportal.home", root.resolve(".stadtportal").toString()));
        LocalSettings settings = LocalSettings.fromEnvironment(root, home);
        String command = args.length == 0 ? "help" : args[0];
        try {
            switch (command) {
                case "up" -> up(settings, Arrays.asList(args).subList(1, args.length));
                case "token" -> token(settings, Arrays.copyOfRange(args, 1, args.length));
                default -> help();
            }
        } catch (LaunchException e) {
            System.err.println("stadtportal: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void help() {
        OUT.println("""
                Usage:
                  ./stadtportal up [--tracing] [--json-logs] [--ops] [--instances N]
                                                                     start the whole platform (Ctrl-C stops it);
                                                                     --tracing: Zipkin on 9411 with every span
                                                                     --json-logs: JSON (ECS) log lines with trace ids
                                                                     --ops: Prometheus on 9090 (targets, rules,
                                                                     alerts) and Zipkin as --tracing does
                                                                     --instances: N of content, events, search
                                                                     (or STADTPORTAL_INSTANCES; docs/scale-out.md)
                  ./stadtportal token --role editor|admin [--city SLUG[,SLUG…]]
                                                                     a token of the running platform's provider
                """);
    }

    /**
     * A token of the running platform's identity provider, by client credentials of {@code stadtportal-cli}
     * (its secret is under {@code .stadtportal/identity/}): the client may be admin, the scopes narrow
     * the token to the asked role and cities.
     */
    private static void token(LocalSettings settings, String[] args) {
        Map<String, String> options = options(args);
        String role = options.getOrDefault("role", "editor");
        if (!role.equals("editor") && !role.equals("admin")) {
            throw new LaunchException("--role must be editor or admin");
        }
        String city = options.getOrDefault("city", role.equals("admin") ? "*" : null);
        if (city == null) {
            throw new LaunchException("an editor token needs --city SLUG (or --city '*')");
        }
        options.keySet().stream().filter(option -> !option.equals("role") && !option.equals("city")).findFirst()
                .ifPresent(option -> {
                    throw new LaunchException("unknown option --" + option + " (a token's lifetime and subject are"
                            + " the provider's: one hour, the client stadtportal-cli)");
                });
        if (!Files.exists(settings.home().resolve("identity").resolve("secrets.properties"))) {
            throw new LaunchException("no local platform under " + settings.home() + " yet: run ./stadtportal up first");
        }
        String issuer = "http://localhost:" + settings.port("identity-service");
        OUT.println(new ProviderTokens(issuer, LocalPlatform.CLI_CLIENT,
                IdentitySecrets.of(settings.home()).clientSecret()).token(ProviderTokens.scopes(role, city)));
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new LaunchException("unexpected argument " + args[i]);
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }

    private static void up(LocalSettings settings, List<String> options) {
        ServiceInstances instances = ServiceInstances.from(options);
        LocalPlatform platform = new LocalPlatform(settings, OUT).withInstances(instances);
        boolean ops = options.contains("--ops");
        boolean tracing = ops || options.contains("--tracing");
        LocalOperations operations = new LocalOperations();
        if (options.contains("--json-logs")) {
            operations.jsonLogs();
        }
        if (ops) {
            operations.prometheus(LocalSettings.port("PROMETHEUS_PORT", 9090));
        }
        platform.operate(operations);
        if (tracing) {
            // the stadtportal script fetched it from Maven Central (io.zipkin:zipkin-server, exec jar)
            platform.traceTo(settings.home().resolve("tools").resolve("zipkin-server-exec.jar"),
                    LocalSettings.port("ZIPKIN_PORT", 9411));
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            platform.close();
            stopped.countDown();
        }, "stadtportal-stop"));
        Duration startup = platform.start();
        platform.loadDemoDataOnce();
        String base = platform.gatewayUrl();
        String editorToken = platform.token("editor", "bochum");
        String identity = platform.issuer();
        // the people are made once, at the provider's first start, with the passwords of that moment
        String passwords = "STADTPORTAL_ADMIN_PASSWORD / STADTPORTAL_EDITOR_PASSWORD as set at the first up;"
                + " if unset then, generated and logged once:\n                                   grep 'generated password' "
                + settings.home().resolve("logs").resolve("identity-service.log");
        OUT.printf("""

                Stadtportal is up (ready in %.1f s).
                  Gateway          %s
                  City portal      %s/bochum
                  City home        %s/api/cities/bochum/home
                  Events           %s/api/events?city=bochum
                  Search           %s/api/search?q=Musikforum
                  API docs         %s/docs
                  Sign-in          %s (OpenID Connect: %s/.well-known/openid-configuration)
                                   users admin, redaktion-bochum, redaktion-dortmund, … (one editor per demo city)
                                   passwords: %s
                  Health, metrics  http://localhost:%d/actuator/health, …/actuator/prometheus (management ports:
                                   gateway %d, content %d, events %d, search %d, identity %d; never through the gateway)
                  Logs             %s
                Editor token for bochum (1 h; more with ./stadtportal token --role editor --city bochum):
                  %s
                %s
                %s
                Ctrl-C stops everything.
                %n""", startup.toMillis() / 1000.0, base, base, base, base, base, base, identity + "/login", identity,
                passwords, settings.managementPort("gateway-service"),
                settings.managementPort("gateway-service"), settings.managementPort("content-service"),
                settings.managementPort("events-service"), settings.managementPort("search-service"),
                settings.managementPort("identity-service"), settings.home().resolve("logs"), editorToken,
                tracing ? "Traces (every request, statement and Kafka record): " + platform.traceViewerUrl()
                        + "/zipkin/, API " + platform.traceViewerUrl() + "/api/v2/…" : "",
                ops ? "Prometheus (targets, graphs, alerts): " + operations.prometheusUrl() + "/targets, "
                        + operations.prometheusUrl() + "/alerts" : "");
        if (instances.count() > 1) {
            printInstances(platform);
        }
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Where each instance of the scaled services answers (the gateway balances over them). */
    private static void printInstances(LocalPlatform platform) {
        OUT.println("Instances (the gateway balances over them; logs per instance name):");
        for (String service : ServiceInstances.SCALED) {
            OUT.printf("  %-16s %s%n", service, String.join("  ", platform.instancesOf(service).stream()
                    .map(name -> platform.serviceUrl(name) + " (" + platform.managementUrl(name) + ")").toList()));
        }
    }
}
