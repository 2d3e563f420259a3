package de.stadtportal.gateway.ratelimit.domain;

import de.stadtportal.gateway.edge.domain.IpLiteral;
import java.net.Inet4Address;
import java.net.InetAddress;

/**
 * Whose bucket a request is taken from. A caller whose token has been verified is its subject; any
 * other request, and every request before its token is verified, is its client address. An IPv4
 * client is one address; an IPv6 client is its /64, the smallest block a network hands to one
 * customer or one LAN, since a single host can pick any of the 2^64 addresses in it (privacy
 * addresses do so by design) and would otherwise mint itself a fresh bucket per request.
 * IPv4-mapped IPv6 addresses are their IPv4 address.
 *
 * <p>The key's text is the store's key: {@code addr:192.0.2.7}, {@code addr:2001:db8:1:2::/64},
 * {@code sub:<subject>}; the store adds {@code r|} or {@code w|} for the read or write bucket.
 */
public record ClientKey(String value) {

    /** Where the gateway does not know the peer's address (not over TCP): all such requests share one bucket. */
    public static final ClientKey UNKNOWN_ADDRESS = new ClientKey("addr:unknown");

    public static ClientKey ofAddress(InetAddress address) {
        InetAddress unmapped = IpLiteral.unmapped(address);
        if (unmapped instanceof Inet4Address) {
            return new ClientKey("addr:" + unmapped.getHostAddress());
        }
        byte[] bytes = unmapped.getAddress();
        return new ClientKey(String.format("addr:%x:%x:%x:%x::/64", group(bytes, 0), group(bytes, 2), group(bytes, 4),
                group(bytes, 6)));
    }

    /** A verified token's subject; never build one from a token that has not been verified. */
    public static ClientKey ofSubject(String subject) {
        return new ClientKey("sub:" + subject);
    }

    /** The key of this client's read bucket or write bucket. */
    public String bucket(boolean read) {
        return (read ? "r|" : "w|") + value;
    }

    private static int group(byte[] bytes, int offset) {
        return (bytes[offset] & 0xff) << 8 | bytes[offset + 1] & 0xff;
    }
}
