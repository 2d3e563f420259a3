package de.stadtportal.identity.token.application;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * Accepts a public client (one without a secret) for the refresh grant only. The refresh grant
 * itself then checks that the token was issued to this very client and has not expired or been used.
 * Created by the security configuration, not a bean: any authentication bean would be picked up
 * by the resource-server chain as well.
 */
public final class PublicClientRefresh implements AuthenticationProvider {

    public static final String REFRESH_GRANT = "refresh_token";

    private final RegisteredClientRepository clients;

    public PublicClientRefresh(RegisteredClientRepository clients) {
        this.clients = clients;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        OAuth2ClientAuthenticationToken request = (OAuth2ClientAuthenticationToken) authentication;
        if (!ClientAuthenticationMethod.NONE.equals(request.getClientAuthenticationMethod())
                || !REFRESH_GRANT.equals(request.getAdditionalParameters().get("grant_type"))) {
            return null;
        }
        RegisteredClient client = clients.findByClientId((String) request.getPrincipal());
        if (client == null || !client.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.NONE)) {
            throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_CLIENT);
        }
        return new OAuth2ClientAuthenticationToken(client, ClientAuthenticationMethod.NONE, null);
    }

    @Override
    public boolean supports(Class<?> type) {
        return OAuth2ClientAuthenticationToken.class.isAssignableFrom(type);
    }
}
