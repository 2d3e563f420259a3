package de.stadtportal.web.security;

import de.stadtportal.kernel.Caller;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.core.publisher.Mono;

/**
 * Reads the {@link Caller} from the verified bearer token of the current request: its subject, its
 * {@code roles} and the {@code cities} it may change. A request without a token is
 * {@link Caller#ANONYMOUS}. The one way every service reads who is asking.
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
        if (authentication instanceof JwtAuthenticationToken token && token.isAuthenticated()) {
            Jwt jwt = token.getToken();
            return new Caller(jwt.getSubject(), strings(jwt.getClaim("roles")), strings(jwt.getClaim("cities")));
        }
        return Caller.ANONYMOUS;
    }

    private static Set<String> strings(Object claim) {
        if (claim instanceof Collection<?> values) {
            return Set.copyOf(values.stream().filter(String.class::isInstance).map(String.class::cast).toList());
        }
        if (claim instanceof String value) {
            return Set.copyOf(List.of(value.split("[ ,]+")));
        }
        return Set.of();
    }
}
