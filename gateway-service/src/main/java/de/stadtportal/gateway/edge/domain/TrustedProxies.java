package de.stadtportal.gateway.edge.domain;

import java.net.InetAddress;
import java.util.Collection;
import java.util.List;

/**
 * The proxies whose forwarded headers the operator vouches for, as addresses and CIDR blocks. A
 * forwarded header is a claim, and only a trusted proxy's claim about its own client counts: any
 * client can write {@code X-Forwarded-For}. None by default, so that a gateway nobody configured
 * believes no header at all.
 */
public record TrustedProxies(List<AddressRange> ranges) {

    public static final TrustedProxies NONE = new TrustedProxies(List.of());

    public TrustedProxies {
        ranges = List.copyOf(ranges);
    }

    /**
     * @param entries addresses and CIDR blocks ({@code 10.0.0.0/8}, {@code 192.0.2.7}, {@code fd00::/8});
     *                blank entries are ignored
     * @throws IllegalArgumentException naming the first entry that is neither
     */
    public static TrustedProxies of(Collection<String> entries) {
        return new TrustedProxies(entries.stream().filter(entry -> !entry.isBlank()).map(AddressRange::parse).toList());
    }

    public boolean trust(InetAddress address) {
        for (AddressRange range : ranges) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }
}
