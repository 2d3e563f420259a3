package de.stadtportal.identity;

import de.stadtportal.identity.key.application.SigningKeys;
import de.stadtportal.identity.token.application.AnyClientRefreshTokens;
import de.stadtportal.identity.token.application.MachineScopes;
import de.stadtportal.identity.token.application.PublicClientRefresh;
import de.stadtportal.identity.token.application.StadtportalClaims;
import de.stadtportal.identity.token.web.PublicRefreshRequests;
import java.time.Clock;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncodingException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2AccessTokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * The OpenID Connect provider itself (Spring Authorization Server): its endpoints' filter chain, grants
 * in PostgreSQL, tokens signed with the database keys, the platform's claims, and refresh tokens for the
 * public app. Clients come from Boot's {@code spring.security.oauth2.authorizationserver.client.*}.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

    /** Where clients authenticate themselves: token, revocation, introspection. */
    private static final RequestMatcher CLIENT_ENDPOINTS = new OrRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/oauth2/token"),
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/oauth2/revoke"),
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/oauth2/introspect"));

    /**
     * A request to a client endpoint that named no way of authenticating at all (a public client's
     * code exchange without {@code code_verifier}, say) never reaches the library's error handling;
     * it gets RFC 6749's {@code invalid_client} here instead of an empty 401.
     */
    private static final AuthenticationEntryPoint CLIENT_NOT_AUTHENTICATED = (request, response, error) -> {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getWriter().write("{\"error\":\"invalid_client\"}");
    };

    @Bean
    @Order(2)
    SecurityFilterChain authorizationServer(HttpSecurity http, RegisteredClientRepository clients,
            OAuth2TokenGenerator<?> tokens, SessionRegistry sessions, MachineScopes machineScopes) throws Exception {
        http.oauth2AuthorizationServer(server -> {
            http.securityMatcher(server.getEndpointsMatcher());
            server.oidc(Customizer.withDefaults())
                    .tokenGenerator(tokens)
                    .clientAuthentication(authentication -> authentication
                            .authenticationConverter(new PublicRefreshRequests())
                            .authenticationProvider(new PublicClientRefresh(clients)))
                    // machine clients narrow their roles and cities with scopes (token package, MachineScopes)
                    .tokenEndpoint(endpoint -> endpoint.authenticationProviders(providers -> providers.stream()
                            .filter(OAuth2ClientCredentialsAuthenticationProvider.class::isInstance)
                            .map(OAuth2ClientCredentialsAuthenticationProvider.class::cast)
                            .forEach(provider -> provider.setAuthenticationValidator(machineScopes))));
        });
        MediaTypeRequestMatcher browsers = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        browsers.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        return http
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .oauth2ResourceServer(server -> server.jwt(Customizer.withDefaults()))
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor(CLIENT_NOT_AUTHENTICATED, CLIENT_ENDPOINTS)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), browsers))
                .sessionManagement(session -> session.maximumSessions(-1).sessionRegistry(sessions)
                        .expiredUrl("/login"))
                .build();
    }

    @Bean
    OAuth2AuthorizationService authorizationService(JdbcTemplate jdbc, RegisteredClientRepository clients) {
        return new JdbcOAuth2AuthorizationService(jdbc, clients);
    }

    @Bean
    OAuth2AuthorizationConsentService authorizationConsentService(JdbcTemplate jdbc,
            RegisteredClientRepository clients) {
        return new JdbcOAuth2AuthorizationConsentService(jdbc, clients);
    }

    /** Signs with the signing key only; the other published keys are there for verifiers. */
    @Bean
    JwtEncoder jwtEncoder(SigningKeys keys) {
        NimbusJwtEncoder encoder = new NimbusJwtEncoder(keys);
        encoder.setJwkSelector(candidates -> candidates.stream()
                .filter(key -> key.getKeyID().equals(keys.signingKid())).findFirst()
                .orElseThrow(() -> new JwtEncodingException("There is no signing key")));
        return encoder;
    }

    @Bean
    OAuth2TokenGenerator<?> tokenGenerator(JwtEncoder encoder, StadtportalClaims claims, Clock clock) {
        JwtGenerator jwts = new JwtGenerator(encoder);
        jwts.setJwtCustomizer(claims);
        jwts.setClock(clock);
        return new DelegatingOAuth2TokenGenerator(jwts, new OAuth2AccessTokenGenerator(),
                new AnyClientRefreshTokens(clock));
    }

    /**
     * Verifies this provider's own tokens (admin API, user info) as every service does: signature from
     * the published keys, {@code iss} and {@code aud}, expiry with a minute of skew.
     */
    @Bean
    JwtDecoder jwtDecoder(SigningKeys keys, IdentityProperties properties) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys).build();
        OAuth2TokenValidator<Jwt> audience = jwt -> jwt.getAudience() != null
                && jwt.getAudience().contains(properties.audience())
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "Wrong audience", null));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.issuer()), audience));
        return decoder;
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
