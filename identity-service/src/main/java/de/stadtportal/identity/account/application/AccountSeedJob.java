package de.stadtportal.identity.account.application;

import de.stadtportal.identity.IdentityProperties;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Makes sure a fresh installation can be signed in to: creates {@code admin} and one editor per demo
 * city ({@code redaktion-<city>}) unless they exist. Passwords come from the configuration; one left
 * empty is generated and logged once, when its account is created, and never again.
 */
@Component
public class AccountSeedJob implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(AccountSeedJob.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccountService accounts;
    private final IdentityProperties.Seed seed;

    public AccountSeedJob(AccountService accounts, IdentityProperties properties) {
        this.accounts = accounts;
        this.seed = properties.seed();
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!seed.enabled()) {
            return;
        }
        create("admin", seed.adminPassword(), Set.of("admin"), Set.of());
        seed.cities().forEach(city -> create("redaktion-" + city, seed.editorPassword(), Set.of("editor"),
                Set.of(city)));
    }

    private void create(String username, String configured, Set<String> roles, Set<String> cities) {
        boolean generated = configured == null || configured.isBlank();
        String password = generated ? generate() : configured;
        if (accounts.seed(new CreateAccount(username, password, roles, cities)) && generated) {
            log.warn("Created account '{}' with the generated password {} (shown this once)", username, password);
        }
    }

    private static String generate() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
