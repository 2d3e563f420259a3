package de.stadtportal.gateway.edge.domain;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An IP address written as text by a client or a proxy, read without ever asking DNS.
 * {@link InetAddress#getByName} resolves anything that is not a well-formed literal as a host name,
 * so a forwarded header could otherwise make the gateway look up names a client chose, on the event
 * loop. Accepted: a dotted IPv4 address and an IPv6 address, each optionally with a port (IPv6 then
 * in brackets, as RFC 7239 writes it); an IPv4-mapped IPv6 address is the IPv4 address it maps.
 * Everything else ({@code unknown}, an obfuscated {@code _id}, a host name) is no address.
 */
public final class IpLiteral {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(?::\\d{1,5})?");
    private static final Pattern BRACKETED_IPV6 = Pattern.compile("\\[([0-9A-Fa-f:.]+)](?::\\d{1,5})?");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");
    private static final int LONGEST = 64;

    private IpLiteral() {
    }

    public static Optional<InetAddress> parse(String text) {
        if (text == null || text.length() > LONGEST) {
            return Optional.empty();
        }
        String trimmed = text.trim();
        Matcher v4 = IPV4.matcher(trimmed);
        if (v4.matches()) {
            byte[] bytes = new byte[4];
            for (int part = 0; part < 4; part++) {
                int value = Integer.parseInt(v4.group(part + 1));
                if (value > 255) {
                    return Optional.empty();
                }
                bytes[part] = (byte) value;
            }
            return Optional.of(byAddress(bytes));
        }
        Matcher bracketed = BRACKETED_IPV6.matcher(trimmed);
        if (bracketed.matches()) {
            return ipv6(bracketed.group(1));
        }
        if (IPV6.matcher(trimmed).matches()) {
            return ipv6(trimmed);
        }
        return Optional.empty();
    }

    /** The IPv4 address an IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d}) stands for; any other as it is. */
    public static InetAddress unmapped(InetAddress address) {
        if (address instanceof Inet6Address) {
            byte[] bytes = address.getAddress();
            boolean mapped = bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
            for (int i = 0; i < 10 && mapped; i++) {
                mapped = bytes[i] == 0;
            }
            if (mapped) {
                return byAddress(Arrays.copyOfRange(bytes, 12, 16));
            }
        }
        return address;
    }

    private static Optional<InetAddress> ipv6(String text) {
        // brackets and at least one colon make the JDK read it as an IPv6 literal or refuse it, never look it up
        if (text.indexOf(':') < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(unmapped(InetAddress.getByName("[" + text + "]")));
        } catch (UnknownHostException | IllegalArgumentException notAnAddress) {
            return Optional.empty();
        }
    }

    private static InetAddress byAddress(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
