package de.stadtportal.kernel;

import de.stadtportal.kernel.refusal.NotPermitted;
import de.stadtportal.kernel.refusal.SignInRequired;
import java.util.Set;

/**
 * Who is asking: the subject of a verified token, its {@code roles} ({@code editor}, {@code admin})
 * and the {@code cities} it may change ({@code *} for all). A request without a token is
 * {@link #ANONYMOUS}: it reads published data only. The web layer reads it from the request; the
 * application layer decides with it.
 */
public record Caller(String subject, Set<String> roles, Set<String> cities) {

    public static final Caller ANONYMOUS = new Caller(null, Set.of(), Set.of());

    public Caller {
        roles = Set.copyOf(roles);
        cities = Set.copyOf(cities);
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

    /** This caller, if it may change the city; otherwise a refusal (403). */
    public Caller requireEditorOf(String city) {
        if (!isEditorOf(city)) {
            throw new NotPermitted("This token may not change content of city '" + city + "'");
        }
        return this;
    }

    /** This caller, if it is an admin; otherwise a refusal (403). */
    public Caller requireAdmin() {
        if (!isAdmin()) {
            throw new NotPermitted("This request needs the admin role");
        }
        return this;
    }

    /** This caller, if it sent a token; otherwise a refusal (401) that says why one is needed. */
    public Caller requireSignedIn(String why) {
        if (!authenticated()) {
            throw new SignInRequired(why);
        }
        return this;
    }
}
