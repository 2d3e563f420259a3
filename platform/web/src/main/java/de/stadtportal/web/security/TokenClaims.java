package de.stadtportal.web.security;

import de.stadtportal.kernel.Caller;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Where a token carries the caller's roles and cities, so the tokens of an external provider are
 * read as they come. A name is first looked up as one claim, because providers such as Auth0 name
 * claims by URL and those names hold dots ({@code https://stadtportal.de/roles}); only if there is no
 * such claim is it read as a path through nested objects, which is where Keycloak keeps realm roles
 * ({@code realm_access.roles}). A claim may be a JSON array or a string of values separated by
 * spaces or commas; anything else counts as no values, so a token never gains a role by accident.
 *
 * @param roles  the claim (or dotted path) holding {@code editor}/{@code admin}
 * @param cities the claim (or dotted path) holding the city slugs the caller may change
 */
public record TokenClaims(String roles, String cities) {

    /** The names the platform's own provider and {@code ./stadtportal token} use. */
    public static final TokenClaims DEFAULT = new TokenClaims("roles", "cities");

    public Caller callerOf(Jwt jwt) {
        return new Caller(jwt.getSubject(), rolesOf(jwt), citiesOf(jwt));
    }

    Set<String> rolesOf(Jwt jwt) {
        return values(jwt.getClaims(), roles);
    }

    Set<String> citiesOf(Jwt jwt) {
        return values(jwt.getClaims(), cities);
    }

    static Set<String> values(Map<String, Object> claims, String name) {
        if (claims.containsKey(name)) {
            return strings(claims.get(name));
        }
        Object current = claims;
        for (String step : name.split("\\.")) {
            if (!(current instanceof Map<?, ?> object)) {
                return Set.of();
            }
            current = object.get(step);
        }
        return strings(current);
    }

    private static Set<String> strings(Object claim) {
        if (claim instanceof Collection<?> values) {
            return Set.copyOf(values.stream().filter(String.class::isInstance).map(String.class::cast).toList());
        }
        if (claim instanceof String value && !value.isBlank()) {
            return Set.copyOf(List.of(value.trim().split("[ ,]+")));
        }
        return Set.of();
    }
}
