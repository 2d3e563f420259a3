package de.stadtportal.identity.account.application;

import de.stadtportal.identity.account.domain.Account;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Accounts for the login form. Hands Spring Security its plain {@link User}: the authorization server
 * stores the signed-in principal as allow-listed JSON, and a type of our own would not read back.
 * Roles and cities go into tokens from the account itself, not from these authorities.
 */
@Component
public class AccountUserDetails implements UserDetailsService {

    private final AccountService accounts;

    public AccountUserDetails(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        Account account = accounts.find(username).orElseThrow(() -> new UsernameNotFoundException("unknown"));
        return User.withUsername(account.username())
                .password(account.passwordHash())
                .disabled(!account.enabled())
                .roles(account.roles().toArray(String[]::new))
                .build();
    }
}
