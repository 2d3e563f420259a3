package de.stadtportal.web.security;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

/**
 * Which tokens a service accepts, under {@code stadtportal.security.jwt}: signed with the key from a
 * PEM public key file or from the JWK set URI of any OpenID provider, issued by {@code issuer} and
 * addressed to {@code audience}. The issuer has no default: a service that does not know whose
 * tokens to trust refuses to start rather than trusting every issuer that holds the key. The issuer
 * is compared as a string, never fetched, so the JWK set may be read from an internal address
 * ({@code http://identity:8085/oauth2/jwks}) while tokens name the public one
 * ({@code http://localhost:8085}).
 *
 * @param publicKeyLocation a PEM public key (env {@code STADTPORTAL_SECURITY_JWT_PUBLIC_KEY_LOCATION}),
 *                          used when no JWK set URI is set
 * @param jwkSetUri   the provider's JWK set (env {@code STADTPORTAL_SECURITY_JWT_JWK_SET_URI})
 * @param issuer      the {@code iss} every token must carry (env {@code STADTPORTAL_SECURITY_JWT_ISSUER})
 * @param audience    a value every token's {@code aud} must contain (env
 *                    {@code STADTPORTAL_SECURITY_JWT_AUDIENCE}), {@code stadtportal} unless set
 * @param rolesClaim  the claim holding the caller's roles, {@code editor} and {@code admin} (env
 *                    {@code STADTPORTAL_SECURITY_JWT_ROLES_CLAIM}), {@code roles} unless set; a dotted
 *                    path reads a nested claim when no claim has that whole name (Keycloak:
 *                    {@code realm_access.roles})
 * @param citiesClaim the claim holding the city slugs the caller may change (env
 *                    {@code STADTPORTAL_SECURITY_JWT_CITIES_CLAIM}), {@code cities} unless set, read
 *                    like {@code rolesClaim}
 */
@ConfigurationProperties("stadtportal.security.jwt")
@Validated
public record TokenProperties(Resource publicKeyLocation, String jwkSetUri,
        @NotBlank(message = "must be set to the issuer (iss) of the tokens this service accepts,"
                + " for example STADTPORTAL_SECURITY_JWT_ISSUER=https://login.example.org/realms/stadtportal")
        String issuer,
        @NotBlank @DefaultValue(TokenProperties.DEFAULT_AUDIENCE) String audience,
        @NotBlank @DefaultValue("roles") String rolesClaim,
        @NotBlank @DefaultValue("cities") String citiesClaim) {

    public static final String DEFAULT_AUDIENCE = "stadtportal";

    /** Where this service reads roles and cities. */
    public TokenClaims claims() {
        return new TokenClaims(rolesClaim, citiesClaim);
    }
}
