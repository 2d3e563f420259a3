package de.stadtportal.identity.account.web;

import de.stadtportal.identity.account.application.AccountService;
import de.stadtportal.identity.account.application.ChangeAccount;
import de.stadtportal.identity.account.application.CreateAccount;
import de.stadtportal.identity.web.Callers;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The admin API on accounts; every call needs a token of an administrator from this provider. */
@RestController
@RequestMapping("/api/identity/users")
class AccountController {

    private final AccountService accounts;

    AccountController(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    List<AccountView> list() {
        return accounts.list(Callers.current()).stream().map(AccountView::of).toList();
    }

    @PostMapping
    ResponseEntity<AccountView> create(@RequestBody AccountRequest request) {
        var account = accounts.create(new CreateAccount(request.username(), request.password(),
                set(request.roles()), set(request.cities())), Callers.current());
        return ResponseEntity.created(URI.create("/api/identity/users/" + account.username()))
                .body(AccountView.of(account));
    }

    @GetMapping("/{username}")
    AccountView get(@PathVariable String username) {
        return AccountView.of(accounts.get(username, Callers.current()));
    }

    @PatchMapping("/{username}")
    AccountView change(@PathVariable String username, @RequestBody AccountChangeRequest request) {
        return AccountView.of(accounts.change(new ChangeAccount(username, request.password(),
                orNull(request.roles()), orNull(request.cities()), request.enabled()), Callers.current()));
    }

    @PutMapping("/{username}/cities")
    AccountView setCities(@PathVariable String username, @RequestBody List<String> cities) {
        return AccountView.of(accounts.change(ChangeAccount.setCities(username, set(cities)), Callers.current()));
    }

    @PostMapping("/{username}/disabling")
    AccountView disable(@PathVariable String username) {
        return AccountView.of(accounts.change(ChangeAccount.disable(username), Callers.current()));
    }

    @GetMapping("/{username}/audit")
    List<AuditView> audit(@PathVariable String username) {
        return accounts.history(username, Callers.current()).stream().map(AuditView::of).toList();
    }

    /** Absent lists are empty ones on creation; the domain names a null inside as a field at fault. */
    private static Set<String> set(List<String> values) {
        return values == null ? Set.of() : new HashSet<>(values);
    }

    private static Set<String> orNull(List<String> values) {
        return values == null ? null : new HashSet<>(values);
    }
}
