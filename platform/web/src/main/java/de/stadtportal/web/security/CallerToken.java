package de.stadtportal.web.security;

import de.stadtportal.kernel.Caller;
import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * A verified bearer token together with the {@link Caller} read from it once, with the claim names
 * this service is configured for; {@link Callers} hands that caller out, so no code after the
 * security filter needs to know which claims a provider uses.
 */
final class CallerToken extends JwtAuthenticationToken {

    private final transient Caller caller;

    CallerToken(Jwt jwt, Collection<? extends GrantedAuthority> authorities, Caller caller) {
        super(jwt, authorities);
        this.caller = caller;
    }

    Caller caller() {
        return caller;
    }
}
