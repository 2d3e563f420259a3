package de.stadtportal.identity.token.web;

import de.stadtportal.identity.token.application.PublicClientRefresh;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.util.StringUtils;

/**
 * Reads a refresh request that names its client but brings no secret ({@code client_id} only) as a
 * public client's; {@link PublicClientRefresh} decides whether that client is public. Every other
 * token request is left to the library's converters.
 */
public final class PublicRefreshRequests implements AuthenticationConverter {

    @Override
    public Authentication convert(HttpServletRequest request) {
        if (!PublicClientRefresh.REFRESH_GRANT.equals(request.getParameter("grant_type"))
                || request.getHeader(HttpHeaders.AUTHORIZATION) != null
                || request.getParameter("client_secret") != null
                || request.getParameter("client_assertion") != null
                || !StringUtils.hasText(request.getParameter("client_id"))) {
            return null;
        }
        return new OAuth2ClientAuthenticationToken(request.getParameter("client_id"), ClientAuthenticationMethod.NONE,
                null, Map.of("grant_type", PublicClientRefresh.REFRESH_GRANT));
    }
}
