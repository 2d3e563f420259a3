package de.stadtportal.web.security;

import de.stadtportal.kernel.Caller;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.core.publisher.Mono;

/**
 * Reads the {@link Caller} from the verified bearer token of the current request: its subject, its
 * roles and the cities it may change, from the claims {@link TokenClaims} names
 * ({@code stadtportal.security.jwt.roles-claim} and {@code …cities-claim}). A request without a
 * token is {@link Caller#ANONYMOUS}. The one way every service reads who is asking.
 */
public final class Callers {

    private Callers() {
    }

    public static Mono<Caller> current() {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .map(Callers::of)
                .defaultIfEmpty(Caller.ANONYMOUS);
    }

    static Caller of(Authentication authentication) {
        if (authentication instanceof CallerToken token && token.isAuthenticated()) {
            return token.caller();
        }
        if (authentication instanceof JwtAuthenticationToken token && token.isAuthenticated()) {
            // made by other code than the platform's token check: the platform's own claim names
            return TokenClaims.DEFAULT.callerOf(token.getToken());
        }
        return Caller.ANONYMOUS;
    }
}
