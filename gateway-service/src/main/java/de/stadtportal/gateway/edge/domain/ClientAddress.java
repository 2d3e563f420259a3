package de.stadtportal.gateway.edge.domain;

import java.net.InetAddress;

/**
 * The address of the client a request came from: the connection's peer, or, behind trusted proxies,
 * the right-most address they were given (see {@link ForwardedChain#client}). Never an IPv4-mapped
 * IPv6 address.
 */
public record ClientAddress(InetAddress address) {

    public ClientAddress {
        address = IpLiteral.unmapped(address);
    }

    @Override
    public String toString() {
        return address.getHostAddress();
    }
}
