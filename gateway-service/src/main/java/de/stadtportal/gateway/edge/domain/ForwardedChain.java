package de.stadtportal.gateway.edge.domain;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the proxies in front of the gateway wrote about a request: the clients they received it
 * from, left (first proxy's client) to right (the client of the proxy that connected to the
 * gateway), and the scheme each of them was spoken to with. Read from {@code X-Forwarded-For} and
 * {@code X-Forwarded-Proto}, or from RFC 7239 {@code Forwarded}; which of the two the proxies write
 * is the operator's to say, since a header the proxies do not write is one a client wrote.
 *
 * <p>The client is the right-most address that no trusted proxy vouches for: walking from the
 * connection's own peer to the left, every trusted hop hands over to the client it names, and the
 * first untrusted one is the client. Entries left of it were written by that client and are
 * ignored. A trusted proxy that names no usable address ({@code unknown}, an obfuscated id) is
 * itself taken as the client, so a client cannot escape its key by sending garbage.
 */
public record ForwardedChain(List<String> clients, List<String> protocols) {

    public static final ForwardedChain EMPTY = new ForwardedChain(List.of(), List.of());
    private static final int MOST_HOPS = 32;

    public ForwardedChain {
        clients = List.copyOf(clients);
        protocols = List.copyOf(protocols);
    }

    /** From the values of every {@code X-Forwarded-For} and {@code X-Forwarded-Proto} line, in order. */
    public static ForwardedChain ofXForwarded(List<String> forwardedFor, List<String> forwardedProto) {
        return new ForwardedChain(commaSeparated(forwardedFor), commaSeparated(forwardedProto));
    }

    /**
     * From the values of every RFC 7239 {@code Forwarded} line: one element per proxy, each with
     * its {@code for} and {@code proto} (an element without {@code for} names no client).
     */
    public static ForwardedChain ofForwarded(List<String> forwarded) {
        List<String> clients = new ArrayList<>();
        List<String> protocols = new ArrayList<>();
        for (String line : forwarded) {
            for (String element : split(line, ',')) {
                String client = "";
                String protocol = "";
                for (String pair : split(element, ';')) {
                    int equals = pair.indexOf('=');
                    if (equals < 0) {
                        continue;
                    }
                    String name = pair.substring(0, equals).trim().toLowerCase(Locale.ROOT);
                    String value = unquoted(pair.substring(equals + 1).trim());
                    if (name.equals("for")) {
                        client = value;
                    } else if (name.equals("proto")) {
                        protocol = value;
                    }
                }
                clients.add(client);
                protocols.add(protocol);
            }
        }
        return new ForwardedChain(clients, protocols);
    }

    /** The right-most client that no trusted proxy vouches for, starting from the connection's peer. */
    public ClientAddress client(InetAddress peer, TrustedProxies trusted) {
        InetAddress client = IpLiteral.unmapped(peer);
        int hop = clients.size() - 1;
        for (int walked = 0; hop >= 0 && walked < MOST_HOPS && trusted.trust(client); hop--, walked++) {
            Optional<InetAddress> named = IpLiteral.parse(clients.get(hop));
            if (named.isEmpty()) {
                break;
            }
            client = named.get();
        }
        return new ClientAddress(client);
    }

    /**
     * The scheme the request came in with ({@code http} or {@code https}) as the proxy that connected
     * to the gateway reports it (the right-most value); empty unless that proxy is trusted.
     */
    public Optional<String> scheme(InetAddress peer, TrustedProxies trusted) {
        if (protocols.isEmpty() || !trusted.trust(peer)) {
            return Optional.empty();
        }
        String protocol = protocols.get(protocols.size() - 1).toLowerCase(Locale.ROOT);
        return protocol.equals("https") || protocol.equals("http") ? Optional.of(protocol) : Optional.empty();
    }

    private static List<String> commaSeparated(List<String> lines) {
        List<String> values = new ArrayList<>();
        for (String line : lines) {
            for (String value : line.split(",")) {
                values.add(value.trim());
            }
        }
        return values;
    }

    /** Splits at {@code separator} outside quoted strings. */
    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\\' && quoted && i + 1 < text.length()) {
                part.append(c);
                c = text.charAt(++i);
            } else if (c == separator && !quoted) {
                parts.add(part.toString().trim());
                part.setLength(0);
                continue;
            }
            part.append(c);
        }
        parts.add(part.toString().trim());
        return parts;
    }

    private static String unquoted(String value) {
        if (value.length() < 2 || value.charAt(0) != '"' || value.charAt(value.length() - 1) != '"') {
            return value;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 1; i < value.length() - 1; i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length() - 1) {
                c = value.charAt(++i);
            }
            text.append(c);
        }
        return text.toString();
    }
}
