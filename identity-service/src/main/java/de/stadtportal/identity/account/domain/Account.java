package de.stadtportal.identity.account.domain;

import de.stadtportal.kernel.refusal.Violations;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A person who signs in: what the tokens issued to them say ({@code roles}, {@code cities}) and whether
 * they may sign in at all. The password is held only as the delegating encoder's hash; hashing is the
 * application layer's job, the account only decides whether a new password is acceptable.
 * Every change returns the new state and the events it caused, which the audit records.
 */
public record Account(String username, String passwordHash, Set<String> roles, Set<String> cities, boolean enabled) {

    public static final Set<String> ROLES = Set.of("editor", "admin");
    public static final int SHORTEST_PASSWORD = 12;
    private static final Pattern USERNAME = Pattern.compile("^[a-z0-9][a-z0-9._-]{1,63}$");

    public Account {
        roles = Set.copyOf(new TreeSet<>(roles));
        cities = Set.copyOf(new TreeSet<>(cities));
    }

    /** A new, enabled account; refuses a bad name, password, role or city with every field at fault. */
    public static Change create(String username, String password, Set<String> roles, Set<String> cities,
            PasswordHasher hasher) {
        Violations violations = new Violations()
                .require(username != null && USERNAME.matcher(username).matches(), "username",
                        "must be 2 to 64 lower-case letters, digits, '.', '_' or '-'");
        password(violations, password);
        roles(violations, roles);
        cities(violations, cities);
        violations.throwIfAny();
        Account account = new Account(username, hasher.hash(password), roles, cities, true);
        return new Change(account, List.of(new AccountCreated(username, account.roles(), account.cities())));
    }

    /** Applies the parts of an edit that were sent ({@code null} keeps a value as it is). */
    public Change change(String password, Set<String> newRoles, Set<String> newCities, Boolean nowEnabled,
            PasswordHasher hasher) {
        Violations violations = new Violations();
        if (password != null) {
            password(violations, password);
        }
        if (newRoles != null) {
            roles(violations, newRoles);
        }
        if (newCities != null) {
            cities(violations, newCities);
        }
        violations.throwIfAny();
        Account next = this;
        List<AccountEvent> events = new ArrayList<>();
        if (password != null) {
            next = new Account(username, hasher.hash(password), next.roles, next.cities, next.enabled);
            events.add(new PasswordChanged(username));
        }
        if (newRoles != null && !Set.copyOf(newRoles).equals(roles)) {
            next = new Account(username, next.passwordHash, newRoles, next.cities, next.enabled);
            events.add(new RolesChanged(username, roles, next.roles));
        }
        if (newCities != null && !Set.copyOf(newCities).equals(cities)) {
            next = new Account(username, next.passwordHash, next.roles, newCities, next.enabled);
            events.add(new CitiesChanged(username, cities, next.cities));
        }
        if (nowEnabled != null && nowEnabled != enabled) {
            next = new Account(username, next.passwordHash, next.roles, next.cities, nowEnabled);
            events.add(nowEnabled ? new AccountEnabled(username) : new AccountDisabled(username));
        }
        return new Change(next, events);
    }

    private static void password(Violations violations, String password) {
        violations.require(password != null && password.length() >= SHORTEST_PASSWORD && password.length() <= 128,
                "password", "must be " + SHORTEST_PASSWORD + " to 128 characters");
    }

    private static void roles(Violations violations, Set<String> roles) {
        violations.require(roles != null && roles.stream().allMatch(role -> role != null && ROLES.contains(role)),
                "roles", "may only hold 'editor' and 'admin'");
    }

    private static void cities(Violations violations, Set<String> cities) {
        if (cities == null) {
            violations.add("cities", "must be a list of city slugs");
            return;
        }
        cities.stream().filter(Objects::nonNull).forEach(city -> violations.slug(city, "cities"));
        violations.require(cities.stream().noneMatch(Objects::isNull), "cities", "must not hold null");
    }

    /** The state after a change and what happened, in order. */
    public record Change(Account account, List<AccountEvent> events) {

        public Change {
            events = List.copyOf(events);
        }
    }
}
