package de.stadtportal.identity.web;

import de.stadtportal.kernel.Caller;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is asking, read from the bearer token this provider issued: the same {@code roles} and
 * {@code cities} claims every Stadtportal service reads. (The platform's reactive {@code Callers}
 * cannot serve a servlet application.)
 */
public final class Callers {

    public static Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            return Caller.ANONYMOUS;
        }
        return new Caller(token.getToken().getSubject(), strings(token.getToken().getClaimAsStringList("roles")),
                strings(token.getToken().getClaimAsStringList("cities")));
    }

    private static Set<String> strings(List<String> values) {
        return values == null ? Set.of() : Set.copyOf(values);
    }

    private Callers() {
    }
}
