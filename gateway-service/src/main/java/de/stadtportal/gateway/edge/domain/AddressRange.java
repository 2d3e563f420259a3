package de.stadtportal.gateway.edge.domain;

import java.net.InetAddress;
import java.util.Arrays;

/**
 * A block of addresses in CIDR notation ({@code 10.0.0.0/8}, {@code 2001:db8::/32}), or one
 * address ({@code 192.0.2.10}, a block of one). IPv4 and IPv6 blocks never contain each other's
 * addresses; IPv4-mapped IPv6 addresses count as IPv4.
 */
public final class AddressRange {

    private final byte[] network;
    private final int prefixLength;
    private final String text;

    private AddressRange(byte[] network, int prefixLength, String text) {
        this.network = network;
        this.prefixLength = prefixLength;
        this.text = text;
    }

    /** @throws IllegalArgumentException for anything but an address or a block in CIDR notation */
    public static AddressRange parse(String text) {
        String trimmed = text.trim();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        InetAddress parsed = IpLiteral.parse(address)
                .filter(found -> !address.contains("]") && !hasPort(address))
                .orElseThrow(() -> new IllegalArgumentException("Not an IP address or CIDR block: '" + text + "'"));
        byte[] bytes = parsed.getAddress();
        int bits = bytes.length * 8;
        int prefixLength = bits;
        if (slash >= 0) {
            try {
                prefixLength = Integer.parseInt(trimmed.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefixLength = -1;
            }
            if (prefixLength < 0 || prefixLength > bits) {
                throw new IllegalArgumentException("Not a CIDR block: '" + text + "' (prefix length 0.." + bits + ")");
            }
        }
        return new AddressRange(mask(bytes, prefixLength), prefixLength, trimmed);
    }

    public boolean contains(InetAddress address) {
        byte[] bytes = IpLiteral.unmapped(address).getAddress();
        return bytes.length == network.length && Arrays.equals(mask(bytes, prefixLength), network);
    }

    /** The first {@code prefixLength} bits of {@code bytes}, the rest zero. */
    static byte[] mask(byte[] bytes, int prefixLength) {
        byte[] masked = bytes.clone();
        for (int i = 0; i < masked.length; i++) {
            int keep = Math.max(0, Math.min(8, prefixLength - i * 8));
            masked[i] = (byte) (masked[i] & (0xff << (8 - keep)));
        }
        return masked;
    }

    private static boolean hasPort(String address) {
        return address.indexOf(':') >= 0 && address.indexOf(':') == address.lastIndexOf(':') && address.contains(".");
    }

    @Override
    public String toString() {
        return text;
    }
}
