package de.stadtportal.identity.account.application;

import de.stadtportal.identity.account.domain.Account;
import de.stadtportal.identity.account.domain.AccountDisabled;
import de.stadtportal.identity.account.domain.AccountEvent;
import de.stadtportal.identity.account.domain.AuditEntry;
import de.stadtportal.identity.account.persistence.AccountRepository;
import de.stadtportal.identity.account.persistence.AuditRepository;
import de.stadtportal.kernel.Caller;
import de.stadtportal.kernel.refusal.NotFound;
import de.stadtportal.kernel.refusal.RuleBroken;
import de.stadtportal.kernel.refusal.Violation;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The administrators' use cases on accounts. Each change is one transaction with its audit rows; a
 * disabling also ends the person's sessions and grants in it, so no refresh token outlives it.
 */
@Service
public class AccountService {

    private final AccountRepository accounts;
    private final AuditRepository audit;
    private final PasswordEncoder passwords;
    private final SignOuts signOuts;
    private final Clock clock;

    public AccountService(AccountRepository accounts, AuditRepository audit, PasswordEncoder passwords,
            SignOuts signOuts, Clock clock) {
        this.accounts = accounts;
        this.audit = audit;
        this.passwords = passwords;
        this.signOuts = signOuts;
        this.clock = clock;
    }

    @Transactional
    public Account create(CreateAccount command, Caller caller) {
        caller.requireAdmin();
        return store(command, caller.subject());
    }

    /** Creates the account unless one of that name exists; for the accounts seeded at the first start. */
    @Transactional
    public boolean seed(CreateAccount command) {
        if (accounts.find(command.username()).isPresent()) {
            return false;
        }
        store(command, "seed");
        return true;
    }

    @Transactional
    public Account change(ChangeAccount command, Caller caller) {
        caller.requireAdmin();
        Account current = accounts.find(command.username())
                .orElseThrow(() -> new NotFound("There is no account '" + command.username() + "'"));
        Account.Change change = current.change(command.password(), command.roles(), command.cities(),
                command.enabled(), passwords::encode);
        Instant now = clock.instant();
        accounts.update(change.account(), now);
        record(change.events(), caller.subject(), now);
        if (change.events().stream().anyMatch(AccountDisabled.class::isInstance)) {
            signOuts.endEverythingOf(command.username());
        }
        return change.account();
    }

    @Transactional(readOnly = true)
    public Account get(String username, Caller caller) {
        caller.requireAdmin();
        return accounts.find(username).orElseThrow(() -> new NotFound("There is no account '" + username + "'"));
    }

    @Transactional(readOnly = true)
    public List<Account> list(Caller caller) {
        caller.requireAdmin();
        return accounts.list(1000);
    }

    @Transactional(readOnly = true)
    public List<AuditEntry> history(String username, Caller caller) {
        get(username, caller);
        return audit.of(username);
    }

    /** The account as it is now, for sign-in and for the claims of a token about to be issued. */
    @Transactional(readOnly = true)
    public Optional<Account> find(String username) {
        return accounts.find(username);
    }

    private Account store(CreateAccount command, String actor) {
        Account.Change change = Account.create(command.username(), command.password(), command.roles(),
                command.cities(), passwords::encode);
        Instant now = clock.instant();
        if (!accounts.insert(change.account(), now)) {
            throw new RuleBroken("There is an account '" + command.username() + "' already",
                    new Violation("username", "is taken"));
        }
        record(change.events(), actor, now);
        return change.account();
    }

    private void record(List<AccountEvent> events, String actor, Instant at) {
        events.forEach(event -> audit.append(AuditEntries.of(event, actor, at)));
    }
}
