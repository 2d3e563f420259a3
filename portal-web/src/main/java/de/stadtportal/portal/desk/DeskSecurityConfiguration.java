package de.stadtportal.portal.desk;

import de.stadtportal.portal.PortalProperties;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthorizationCodeAuthenticationToken;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizationCodeAuthenticationTokenConverter;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationExchange;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationResponse;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.csrf.XorServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * Sign-in for the desk only: the chain matches the desk's paths and the OAuth2 client's own
 * ({@code /oauth2/authorization/…}, {@code /login/oauth2/code/…}, {@code /logout}), so the visitor
 * pages pass no security filter, get no session and keep their caching headers. Inside, every
 * request needs a signed-in editor, every form a CSRF token (kept in the session), and sign-out ends
 * the provider's session too (RP-initiated logout). The provider's endpoints are configured, not
 * discovered, so that the portal starts while the provider is still starting.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class DeskSecurityConfiguration {

    /** The one provider of the desk: the platform's identity-service. */
    static final String PROVIDER = "stadtportal";

    @Bean
    SecurityWebFilterChain deskSecurity(ServerHttpSecurity http, ReactiveClientRegistrationRepository clients,
            ServerOAuth2AuthorizedClientRepository authorizedClients, PortalProperties portal) {
        DefaultServerOAuth2AuthorizationRequestResolver requests = new DefaultServerOAuth2AuthorizationRequestResolver(
                clients);
        // the desk is a confidential client, and still proves the code is its own (the provider requires it)
        requests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        OidcClientInitiatedServerLogoutSuccessHandler signedOut = new OidcClientInitiatedServerLogoutSuccessHandler(
                clients);
        signedOut.setPostLogoutRedirectUri(portal.base() + "/");
        return http
                .securityMatcher(ServerWebExchangeMatchers.pathMatchers("/redaktion", "/redaktion/**", "/login/**",
                        "/oauth2/**", "/logout"))
                .authorizeExchange(exchanges -> exchanges.anyExchange().authenticated())
                .oauth2Login(login -> login.authorizationRequestResolver(requests)
                        .authenticationConverter(publicCallback(clients, portal))
                        .authorizedClientRepository(authorizedClients))
                .oauth2Client(client -> client.authorizedClientRepository(authorizedClients))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(
                        new RedirectServerAuthenticationEntryPoint("/oauth2/authorization/" + PROVIDER)))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessHandler(signedOut))
                .csrf(csrf -> csrf.csrfTokenRequestHandler(uploadsToo()))
                .build();
    }

    /**
     * The default handler (the token masked per request against BREACH), which also reads the token
     * from a multipart form: the media upload is the one form a browser cannot send urlencoded.
     */
    static XorServerCsrfTokenRequestAttributeHandler uploadsToo() {
        XorServerCsrfTokenRequestAttributeHandler handler = new XorServerCsrfTokenRequestAttributeHandler();
        handler.setTokenFromMultipartDataEnabled(true);
        return handler;
    }

    /**
     * The provider's answer as the browser saw it: at the public address (the gateway's), not at this
     * service's own port, so that it matches the redirect URI the authorization request named. The
     * address is configured ({@code PUBLIC_BASE_URL}), never taken from forwarded headers.
     */
    static ServerAuthenticationConverter publicCallback(ReactiveClientRegistrationRepository clients,
            PortalProperties portal) {
        ServerOAuth2AuthorizationCodeAuthenticationTokenConverter codes =
                new ServerOAuth2AuthorizationCodeAuthenticationTokenConverter(clients);
        return exchange -> codes.convert(exchange).map(authentication -> {
            OAuth2AuthorizationCodeAuthenticationToken token = (OAuth2AuthorizationCodeAuthenticationToken) authentication;
            OAuth2AuthorizationExchange answered = token.getAuthorizationExchange();
            OAuth2AuthorizationResponse response = answered.getAuthorizationResponse();
            String seen = portal.base() + exchange.getRequest().getPath().value();
            OAuth2AuthorizationResponse atPublicAddress = response.statusOk()
                    ? OAuth2AuthorizationResponse.success(response.getCode()).redirectUri(seen)
                            .state(response.getState()).build()
                    : OAuth2AuthorizationResponse.error(response.getError().getErrorCode()).redirectUri(seen)
                            .state(response.getState()).errorDescription(response.getError().getDescription())
                            .build();
            return (Authentication) new OAuth2AuthorizationCodeAuthenticationToken(token.getClientRegistration(),
                    new OAuth2AuthorizationExchange(answered.getAuthorizationRequest(), atPublicAddress));
        }).onErrorMap(OAuth2AuthorizationException.class,
                // a sign-in failure (expired or foreign state), not a server error: back to a fresh sign-in
                refused -> new OAuth2AuthenticationException(refused.getError(), refused.getError().toString()));
    }

    @Bean
    ReactiveClientRegistrationRepository deskClients(DeskProperties desk, PortalProperties portal) {
        ClientRegistration registration = ClientRegistration.withRegistrationId(PROVIDER)
                .clientId(desk.clientId())
                .clientSecret(desk.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                // the address the browser sees (the gateway), never this service's own port
                .redirectUri(portal.base() + "/login/oauth2/code/" + PROVIDER)
                .scope("openid", "profile")
                .issuerUri(desk.browserSide())
                .authorizationUri(desk.browserSide() + "/oauth2/authorize")
                .tokenUri(desk.serverSide() + "/oauth2/token")
                .jwkSetUri(desk.serverSide() + "/oauth2/jwks")
                .userNameAttributeName(IdTokenClaimNames.SUB)
                .providerConfigurationMetadata(Map.of("end_session_endpoint", desk.browserSide() + "/connect/logout"))
                .clientName("Stadtportal")
                .build();
        return new InMemoryReactiveClientRegistrationRepository(registration);
    }

    /** The editor's tokens live in their session and end with it. */
    @Bean
    ServerOAuth2AuthorizedClientRepository deskAuthorizedClients() {
        return new WebSessionServerOAuth2AuthorizedClientRepository();
    }

    /** Hands the API client the signed-in editor's access token, refreshed when it has run out. */
    @Bean
    ReactiveOAuth2AuthorizedClientManager deskTokens(ReactiveClientRegistrationRepository clients,
            ServerOAuth2AuthorizedClientRepository authorizedClients) {
        DefaultReactiveOAuth2AuthorizedClientManager manager = new DefaultReactiveOAuth2AuthorizedClientManager(
                clients, authorizedClients);
        manager.setAuthorizedClientProvider(ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode().refreshToken().build());
        return manager;
    }
}
