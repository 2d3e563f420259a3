package de.stadtportal.launcher;

import java.util.ArrayList;
import java.util.List;

/**
 * How many instances of each backend service the local platform runs ({@code ./stadtportal up
 * --instances N}, or {@code STADTPORTAL_INSTANCES}), their names and their ports. The first instance
 * is the service as always ({@code content-service} on 8081, management 9081); instance {@code i}
 * (2, 3, …) is {@code content-service-i} on the service's ports plus {@code 100·(i-1)} (8181 and
 * 9181 for the second). All instances of a service share its database and its consumer group; the
 * gateway gets them all as a comma-separated list and balances over them.
 *
 * <p>Only content-service, events-service and search-service are scaled: the gateway is the one
 * address clients know (several gateways need a balancer in front, as a Kubernetes Service is);
 * identity-service keeps a person's sign-in in its web session between the login page and the
 * authorization answer, which a second instance without shared sessions would not find. portal-web
 * holds no state and the gateway balances over a list for it too ({@code PORTAL_WEB_URI}), but it
 * only renders what it reads through the gateway, so a second one locally would cost a JVM's memory
 * and prove nothing the backends do not.
 */
record ServiceInstances(int count) {

    /** The services that run {@link #count} times. */
    static final List<String> SCALED = List.of("content-service", "events-service", "search-service");
    /** Between the ports of one instance and the next. */
    static final int PORT_STEP = 100;
    /** More would not fit between the default ports of one service and the next kind of port. */
    static final int MOST = 9;

    ServiceInstances {
        if (count < 1 || count > MOST) {
            throw new LaunchException("--instances must be between 1 and " + MOST + ", not " + count);
        }
    }

    /** One of each: the platform as it always was. */
    static ServiceInstances single() {
        return new ServiceInstances(1);
    }

    /** From {@code --instances N} among the options, else {@code STADTPORTAL_INSTANCES}, else one. */
    static ServiceInstances from(List<String> options) {
        int at = options.indexOf("--instances");
        if (at >= 0) {
            if (at + 1 >= options.size()) {
                throw new LaunchException("--instances needs a number: --instances 2");
            }
            return new ServiceInstances(number("--instances", options.get(at + 1)));
        }
        String variable = System.getenv("STADTPORTAL_INSTANCES");
        return variable == null || variable.isBlank() ? single()
                : new ServiceInstances(number("STADTPORTAL_INSTANCES", variable));
    }

    /** The names of the instances beyond the first of {@code service}: {@code content-service-2}, … */
    List<String> extraNames(String service) {
        List<String> names = new ArrayList<>();
        if (SCALED.contains(service)) {
            for (int instance = 2; instance <= count; instance++) {
                names.add(service + "-" + instance);
            }
        }
        return names;
    }

    /** The port of instance {@code instance} (1 is the first) of a service whose first has {@code port}. */
    static int port(int port, int instance) {
        return port + PORT_STEP * (instance - 1);
    }

    /** The number in an instance's name: 1 for {@code content-service}, 2 for {@code content-service-2}. */
    static int numberOf(String name, String service) {
        return name.equals(service) ? 1 : Integer.parseInt(name.substring(service.length() + 1));
    }

    /** Partitions enough for every instance of a consumer group to read some. */
    int partitions(int configured) {
        return Math.max(configured, count);
    }

    private static int number(String what, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new LaunchException(what + " " + value + " is not a number");
        }
    }
}
