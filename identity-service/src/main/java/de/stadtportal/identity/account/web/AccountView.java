package de.stadtportal.identity.account.web;

import de.stadtportal.identity.account.domain.Account;
import java.util.List;

/** An account as the admin API shows it: never its password hash. */
public record AccountView(String username, List<String> roles, List<String> cities, boolean enabled) {

    static AccountView of(Account account) {
        return new AccountView(account.username(), account.roles().stream().sorted().toList(),
                account.cities().stream().sorted().toList(), account.enabled());
    }
}
