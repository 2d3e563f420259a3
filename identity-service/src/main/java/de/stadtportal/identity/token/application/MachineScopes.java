package de.stadtportal.identity.token.application;

import de.stadtportal.identity.IdentityProperties;
import de.stadtportal.identity.IdentityProperties.MachineClient;
import de.stadtportal.identity.token.domain.MachineCeiling;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Checks the scopes of a client-credentials request in place of the library's rule (only registered
 * scopes): a registered scope, or a role or city within the client's {@link MachineCeiling}. Cities
 * are not known in advance (an administrator adds them at any time), so they cannot be registered.
 * Anything else, or more than the ceiling, is {@code invalid_scope}.
 */
@Component
public class MachineScopes implements Consumer<OAuth2ClientCredentialsAuthenticationContext> {

    private final IdentityProperties properties;

    public MachineScopes(IdentityProperties properties) {
        this.properties = properties;
    }

    @Override
    public void accept(OAuth2ClientCredentialsAuthenticationContext context) {
        OAuth2ClientCredentialsAuthenticationToken request = context.getAuthentication();
        Set<String> registered = context.getRegisteredClient().getScopes();
        Set<String> requested = request.getScopes();
        boolean known = requested.stream().allMatch(scope -> registered.contains(scope) || MachineCeiling.names(scope));
        if (!known || ceiling(context.getRegisteredClient().getClientId()).narrow(requested).isEmpty()) {
            throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_SCOPE,
                    "The requested scope is unknown or more than this client may ask for", null));
        }
    }

    /** The configured roles and cities of a machine client; none for a client without configuration. */
    public MachineCeiling ceiling(String clientId) {
        MachineClient machine = properties.machineClients().getOrDefault(clientId,
                new MachineClient(List.of(), List.of()));
        return new MachineCeiling(Set.copyOf(machine.roles()), Set.copyOf(machine.cities()));
    }
}
