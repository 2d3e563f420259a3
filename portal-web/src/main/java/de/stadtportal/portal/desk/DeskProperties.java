package de.stadtportal.portal.desk;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the desk signs editors in, under {@code stadtportal.desk}.
 *
 * @param issuer       the identity provider as browsers reach it, also the {@code iss} of its tokens
 *                     (env {@code DESK_ISSUER})
 * @param identityUrl  the provider as this service reaches it for tokens and keys (env
 *                     {@code DESK_IDENTITY_URL}); the issuer unless set, differs inside a container network
 * @param clientId     the desk's client at the provider, {@code portal-web}
 * @param clientSecret its secret (env {@code PORTAL_WEB_CLIENT_SECRET})
 */
@ConfigurationProperties("stadtportal.desk")
public record DeskProperties(
        @DefaultValue("http://localhost:8085") URI issuer,
        URI identityUrl,
        @DefaultValue("portal-web") String clientId,
        @DefaultValue("portal-web-dev-secret") String clientSecret) {

    /** The base for the calls this service makes itself (token, keys). */
    public String serverSide() {
        return strip(identityUrl == null ? issuer : identityUrl);
    }

    public String browserSide() {
        return strip(issuer);
    }

    private static String strip(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
