package de.stadtportal.web.security;

import de.stadtportal.web.problem.ApiProblem;
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
 * Who is asking, read from the verified bearer token: its subject, its {@code roles}
 * ({@code editor}, {@code admin}) and the {@code cities} it may change ({@code *} for all).
 * A request without a token is {@link #ANONYMOUS}: it reads published data only.
 */
public record Caller(String subject, Set<String> roles, Set<String> cities) {

    public static final Caller ANONYMOUS = new Caller(null, Set.of(), Set.of());

    public Caller {
        roles = Set.copyOf(roles);
        cities = Set.copyOf(cities);
    }

    public static Mono<Caller> current() {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .map(Caller::of)
                .defaultIfEmpty(ANONYMOUS);
    }

    static Caller of(Authentication authentication) {
        if (authentication instanceof JwtAuthenticationToken token && token.isAuthenticated()) {
            Jwt jwt = token.getToken();
            return new Caller(jwt.getSubject(), strings(jwt.getClaim("roles")), strings(jwt.getClaim("cities")));
        }
        return ANONYMOUS;
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

    public boolean authenticated() {
        return subject != null;
    }

    public boolean isAdmin() {
        return roles.contains("admin");
    }

    /** Admins change every city; editors the cities their token names. */
    public boolean isEditorOf(String city) {
        return isAdmin() || (roles.contains("editor") && (cities.contains("*") || cities.contains(city)));
    }

    public Mono<Caller> requireEditorOf(String city) {
        return isEditorOf(city) ? Mono.just(this)
                : Mono.error(ApiProblem.forbidden("This token may not change content of city '" + city + "'"));
    }

    public Mono<Caller> requireAdmin() {
        return isAdmin() ? Mono.just(this) : Mono.error(ApiProblem.forbidden("This request needs the admin role"));
    }
}
