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
 * tokens to trust refuses to start rather than trusting every issuer that holds the key.
 *
 * @param issuer   the {@code iss} every token must carry (env {@code STADTPORTAL_SECURITY_JWT_ISSUER})
 * @param audience a value every token's {@code aud} must contain (env
 *                 {@code STADTPORTAL_SECURITY_JWT_AUDIENCE}), {@code stadtportal} unless set
 */
@ConfigurationProperties("stadtportal.security.jwt")
@Validated
public record TokenProperties(Resource publicKeyLocation, String jwkSetUri,
        @NotBlank(message = "must be set to the issuer (iss) of the tokens this service accepts,"
                + " for example STADTPORTAL_SECURITY_JWT_ISSUER=https://login.example.org/realms/stadtportal")
        String issuer,
        @NotBlank @DefaultValue(TokenProperties.DEFAULT_AUDIENCE) String audience) {

    public static final String DEFAULT_AUDIENCE = "stadtportal";
}
