package de.stadtportal.web.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * Where the key that signs tokens comes from, under {@code stadtportal.security.jwt}: a PEM public
 * key file, or the JWK set URI of any OpenID provider. With {@code issuer} set, tokens from any
 * other issuer are refused.
 */
@ConfigurationProperties("stadtportal.security.jwt")
public record TokenProperties(Resource publicKeyLocation, String jwkSetUri, String issuer) {
}
