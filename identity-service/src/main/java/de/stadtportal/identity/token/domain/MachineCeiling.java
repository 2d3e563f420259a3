package de.stadtportal.identity.token.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The most a machine client's token may say: its configured roles and cities ({@code *} for every
 * city). A token request narrows it with scopes, so one client serves scripts of every kind without
 * each token being an admin's: {@code editor} or {@code admin} choose the role, {@code city:<slug>}
 * (or {@code city:*}) the cities. A request without such scopes gets the ceiling itself. An admin
 * changes every city, so an admin ceiling allows an editor token of any city; nothing above the
 * ceiling is ever granted.
 */
public record MachineCeiling(Set<String> roles, Set<String> cities) {

    public static final String ADMIN = "admin";
    public static final String EDITOR = "editor";
    public static final String CITY = "city:";
    private static final String EVERY_CITY = "*";

    public MachineCeiling {
        roles = Set.copyOf(roles);
        cities = Set.copyOf(cities);
    }

    /** True for the scopes this rule reads: a role or a city. */
    public static boolean names(String scope) {
        return ADMIN.equals(scope) || EDITOR.equals(scope) || scope.startsWith(CITY);
    }

    /** The claims of a token requested with {@code scopes}, or empty when they ask for more than the ceiling. */
    public Optional<Claims> narrow(Collection<String> scopes) {
        Set<String> requestedRoles = new TreeSet<>();
        Set<String> requestedCities = new TreeSet<>();
        for (String scope : scopes) {
            if (scope.startsWith(CITY)) {
                requestedCities.add(scope.substring(CITY.length()));
            } else if (names(scope)) {
                requestedRoles.add(scope);
            }
        }
        if (!requestedRoles.stream().allMatch(this::allowsRole) || !requestedCities.stream().allMatch(this::allowsCity)) {
            return Optional.empty();
        }
        return Optional.of(new Claims(
                new ArrayList<>(requestedRoles.isEmpty() ? new TreeSet<>(roles) : requestedRoles),
                new ArrayList<>(requestedCities.isEmpty() ? new TreeSet<>(cities) : requestedCities)));
    }

    private boolean allowsRole(String role) {
        return roles.contains(ADMIN) || roles.contains(role);
    }

    private boolean allowsCity(String city) {
        if (city.isEmpty()) {
            return false;
        }
        return roles.contains(ADMIN) || cities.contains(EVERY_CITY) || (!city.equals(EVERY_CITY) && cities.contains(city));
    }

    /**
     * The {@code roles} and {@code cities} claims of one token; mutable lists, as the grant's stored
     * JSON allows no JDK immutable ones.
     */
    public record Claims(List<String> roles, List<String> cities) {
    }
}
