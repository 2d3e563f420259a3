package de.stadtportal.identity.token.application;

import de.stadtportal.identity.IdentityProperties;
import de.stadtportal.identity.account.application.AccountService;
import de.stadtportal.identity.account.domain.Account;
import de.stadtportal.identity.token.domain.MachineCeiling;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * Gives access tokens the claims every Stadtportal service reads: {@code aud} (the platform, not the
 * client), {@code roles} and {@code cities}. A person's come from their account as it is now, read
 * again for every token, so that a refresh after a change carries the change; a disabled or deleted
 * account gets no token ({@code invalid_grant}), whatever grant it still holds. A machine client's come
 * from its configured {@link MachineCeiling}, narrowed by the scopes {@link MachineScopes} let through. ID tokens keep the client as their audience, as OpenID Connect requires.
 * The claims are stored with the grant as type-tagged JSON whose allow-list knows {@code ArrayList} but
 * not the JDK's immutable lists, hence the copies.
 */
@Component
public class StadtportalClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    private final AccountService accounts;
    private final IdentityProperties properties;
    private final MachineScopes machineScopes;

    public StadtportalClaims(AccountService accounts, IdentityProperties properties, MachineScopes machineScopes) {
        this.accounts = accounts;
        this.properties = properties;
        this.machineScopes = machineScopes;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            return;
        }
        context.getClaims().audience(new ArrayList<>(List.of(properties.audience())));
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            MachineCeiling.Claims claims = machineScopes.ceiling(context.getRegisteredClient().getClientId())
                    .narrow(context.getAuthorizedScopes())
                    .orElseThrow(() -> new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_SCOPE));
            context.getClaims().claim("roles", claims.roles()).claim("cities", claims.cities());
            return;
        }
        Account account = accounts.find(context.getPrincipal().getName()).filter(Account::enabled)
                .orElseThrow(() -> new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT,
                        "The grant is no longer valid", null)));
        context.getClaims().claim("roles", new ArrayList<>(new TreeSet<>(account.roles())))
                .claim("cities", new ArrayList<>(new TreeSet<>(account.cities())));
    }
}
