package de.stadtportal.web;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings under {@code stadtportal.web} shared by every service.
 * <p>
 * {@code public-base-url} is where clients reach the platform (the gateway, or whatever proxy is in
 * front of it): every absolute link a service answers with (a JSON-LD {@code @id}, an iCalendar
 * {@code URL}) is built from it, never from the host a request reached, which behind the gateway is
 * the backend's own. Services read it from the environment variable {@code PUBLIC_BASE_URL}.
 * {@code public-list-max-age} is how long shared caches may keep a public list or search answer
 * (see {@link de.stadtportal.web.http.CacheControlFilter}).
 *
 * @param publicBaseUrl scheme, host and port (and path prefix, if any) of the public entry point
 * @param publicListMaxAge {@code max-age} of public lists and searches
 * @param uploads the paths that take file uploads larger than other bodies
 */
@ConfigurationProperties("stadtportal.web")
public record WebProperties(
        @DefaultValue("http://localhost:8080") URI publicBaseUrl,
        @DefaultValue("30s") Duration publicListMaxAge,
        @DefaultValue Uploads uploads) {

    public WebProperties {
        if (!publicBaseUrl.isAbsolute() || publicBaseUrl.getHost() == null
                || !("http".equals(publicBaseUrl.getScheme()) || "https".equals(publicBaseUrl.getScheme()))) {
            throw new IllegalArgumentException("stadtportal.web.public-base-url (PUBLIC_BASE_URL) must be an absolute "
                    + "http or https URL, not " + publicBaseUrl);
        }
    }

    /** The absolute public link to {@code path} (which starts with a slash). */
    public String link(String path) {
        String base = publicBaseUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }

    /**
     * Paths (patterns such as {@code /api/cities/*}{@code /media}) whose bodies are file uploads: they
     * may be up to {@code maxSize} and are streamed to their handler, which bounds what it keeps,
     * instead of being read ahead. Every other path keeps the limit of
     * {@link RequestSizeLimitFilter#LIMIT_BYTES}. None by default.
     */
    public record Uploads(@DefaultValue List<String> paths, @DefaultValue("16MB") DataSize maxSize) {

        public Uploads {
            paths = List.copyOf(paths);
        }
    }
}
