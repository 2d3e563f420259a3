package de.stadtportal.launcher;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for processes that bind them later: picked outside the range from which the kernel hands
 * out local ports to outgoing connections. A port the kernel chose for {@code new ServerSocket(0)}
 * lies inside that range, so between being picked and being bound by the service it could be taken
 * by any outgoing connection on the machine (a Kafka client, a JDBC pool, a browser), and the
 * service would fail to start with "port already in use". No port is handed out twice by one JVM.
 */
public final class FreePorts {

    private static final Path EPHEMERAL = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    /** IANA's dynamic range, which macOS and Windows use for outgoing connections. */
    private static final int[] IANA_DYNAMIC = {49152, 65535};
    private static final int LOWEST = 10_000;
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private FreePorts() {
    }

    /** A port nothing listens on now, below the machine's range for outgoing connections (or above it). */
    public static int pick() {
        int[] ephemeral = ephemeralRange();
        boolean below = ephemeral[0] - LOWEST >= 1_000;
        int low = below ? LOWEST : ephemeral[1] + 1;
        int high = below ? ephemeral[0] - 1 : 65_535;
        for (int attempt = 0; attempt < 500 && high > low; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(low, high + 1);
            if (!HANDED_OUT.contains(port) && bindable(port) && HANDED_OUT.add(port)) {
                return port;
            }
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new LaunchException("no free port: " + e.getMessage());
        }
    }

    /** The machine's range for outgoing connections' local ports: Linux's setting, else IANA's. */
    static int[] ephemeralRange() {
        try {
            String[] bounds = Files.readString(EPHEMERAL).trim().split("\\s+");
            return new int[] {Integer.parseInt(bounds[0]), Integer.parseInt(bounds[1])};
        } catch (IOException | RuntimeException e) {
            return IANA_DYNAMIC.clone();
        }
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
