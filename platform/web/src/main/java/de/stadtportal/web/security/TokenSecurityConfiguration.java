package de.stadtportal.web.security;

import de.stadtportal.kernel.Caller;
import de.stadtportal.web.problem.ApiProblem;
import de.stadtportal.web.problem.ProblemDetailsHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import reactor.core.publisher.Mono;

/**
 * Every service checks bearer tokens itself (RS256, its issuer and audience), not only the gateway.
 * Reads are public; any other method needs a valid token, and which city a token may change is
 * decided by the application through {@link Caller}. Refusals are problem documents like every other
 * error; a 401 says the same whatever was wrong with the token.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties(TokenProperties.class)
public class TokenSecurityConfiguration {

    /** The one detail of every 401, whatever was wrong with the token. */
    public static final String UNAUTHORIZED_DETAIL = "A valid bearer token is required";

    private static final Logger log = LoggerFactory.getLogger(TokenSecurityConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    SecurityWebFilterChain stadtportalSecurity(ServerHttpSecurity http, ReactiveJwtDecoder decoder,
            ProblemDetailsHandler problems, TokenProperties properties) {
        ServerAuthenticationEntryPoint unauthorized = (exchange, error) -> {
            exchange.getResponse().getHeaders().set("WWW-Authenticate", "Bearer");
            // why the decoder refused the token stays in the log: it would tell a forger what to change
            log.debug("Refused {} {}: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
                    error.getMessage());
            return problems.write(exchange, new ApiProblem(HttpStatus.UNAUTHORIZED, "Unauthorized",
                    UNAUTHORIZED_DETAIL, List.of()));
        };
        ServerAccessDeniedHandler forbidden = (exchange, error) -> problems.write(exchange,
                ApiProblem.forbidden("This token does not allow this request"));

        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                // public reads carry ETags and may be cached and revalidated; keep the other security headers
                .headers(headers -> headers.cache(ServerHttpSecurity.HeaderSpec.CacheSpec::disable))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(exchanges -> exchanges
                        // actuator has no write operation exposed (access is read-only); should one ever be, only admins
                        .pathMatchers(HttpMethod.GET, "/actuator/**").permitAll()
                        .pathMatchers(HttpMethod.HEAD, "/actuator/**").permitAll()
                        .pathMatchers("/actuator/**").hasRole("admin")
                        .pathMatchers(HttpMethod.GET, "/**").permitAll()
                        .pathMatchers(HttpMethod.HEAD, "/**").permitAll()
                        .pathMatchers(HttpMethod.OPTIONS, "/**").permitAll()
                        .anyExchange().authenticated())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtDecoder(decoder)
                                .jwtAuthenticationConverter(callers(properties.claims())))
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .build();
    }

    /**
     * The caller and its authorities ({@code ROLE_<role>}) read once from the verified token, with
     * the claim names this service is configured for. Made here, not as a bean: Spring Security
     * would take a converter bean for every bearer-token filter in the context.
     */
    static Converter<Jwt, Mono<AbstractAuthenticationToken>> callers(TokenClaims claims) {
        return jwt -> {
            Caller caller = claims.callerOf(jwt);
            List<GrantedAuthority> authorities = caller.roles().stream()
                    .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role))
                    .toList();
            return Mono.just(new CallerToken(jwt, authorities, caller));
        };
    }

    /**
     * Requests the security firewall refuses (encoded slashes, {@code ..}, NUL in the path, TRACE)
     * get a problem document like every other refusal, not an empty 400.
     */
    @Bean
    @ConditionalOnMissingBean
    ServerExchangeRejectedHandler problemForRejectedExchanges(ProblemDetailsHandler problems) {
        return (exchange, rejected) -> problems.write(exchange,
                ApiProblem.badRequest("The request's path or method is not allowed"));
    }

    @Bean
    @ConditionalOnMissingBean
    ReactiveJwtDecoder jwtDecoder(TokenProperties properties) {
        NimbusReactiveJwtDecoder decoder;
        if (properties.jwkSetUri() != null && !properties.jwkSetUri().isBlank()) {
            decoder = NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwkSetUri())
                    .jwsAlgorithm(SignatureAlgorithm.RS256).build();
        } else if (properties.publicKeyLocation() != null) {
            decoder = NimbusReactiveJwtDecoder.withPublicKey(publicKey(properties))
                    .signatureAlgorithm(SignatureAlgorithm.RS256).build();
        } else {
            throw new IllegalStateException("No token key configured: set stadtportal.security.jwt.public-key-location"
                    + " (a PEM file) or stadtportal.security.jwt.jwk-set-uri");
        }
        OAuth2TokenValidator<Jwt> validator = claims(properties);
        decoder.setJwtValidator(validator);
        return new VerifiedTokens(decoder, validator);
    }

    /**
     * Expiry and not-before (with Spring Security's minute of clock skew), the issuer, and the audience.
     * A token without {@code iss} or {@code aud} is refused like one naming another issuer or audience.
     */
    static OAuth2TokenValidator<Jwt> claims(TokenProperties properties) {
        return JwtValidators.createDefaultWithValidators(List.of(
                new JwtIssuerValidator(properties.issuer()),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                        audience -> audience != null && audience.contains(properties.audience()))));
    }

    private static RSAPublicKey publicKey(TokenProperties properties) {
        try (InputStream pem = properties.publicKeyLocation().getInputStream()) {
            return RsaKeyConverters.x509().convert(pem);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the token public key from " + properties.publicKeyLocation(), e);
        }
    }
}
