package de.stadtportal.portal;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the API is, under which address visitors see the portal, which city {@code /} shows, and
 * how long a page waits for one of its parts before it is served without that part.
 */
@ConfigurationProperties("stadtportal.portal")
public record PortalProperties(
        @DefaultValue("http://localhost:8080") URI apiUrl,
        @DefaultValue("http://localhost:8080") String publicBaseUrl,
        @DefaultValue("bochum") String defaultCity,
        @DefaultValue("2s") Duration partTimeout) {

    /** The public base URL without a trailing slash, to put an absolute path behind. */
    public String base() {
        return publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
    }
}
