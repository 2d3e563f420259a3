package de.stadtportal.portal.page;

import java.time.Duration;
import org.springframework.http.CacheControl;

/**
 * How long a shared cache (a CDN, a proxy) may keep each kind of page. Pages hold only public,
 * published data, so any cache may keep them; the times follow how soon a change must show:
 * an event list changes with every cancellation, an article rarely. A page served without one of
 * its parts is kept only briefly, so the part returns soon after its backend does.
 */
public final class Caching {

    public static final String CITY = header(Duration.ofSeconds(60));
    public static final String ARTICLE = header(Duration.ofMinutes(5));
    public static final String EVENTS = header(Duration.ofSeconds(60));
    public static final String SEARCH = header(Duration.ofSeconds(30));
    public static final String FEED = header(Duration.ofMinutes(10));
    public static final String DEGRADED = header(Duration.ofSeconds(5));
    public static final String NOT_FOUND = header(Duration.ofSeconds(60));
    public static final String NEVER = CacheControl.noStore().getHeaderValue();

    private Caching() {
    }

    /** The header for a page, shorter when a part of it is missing. */
    public static String of(String normal, boolean degraded) {
        return degraded ? DEGRADED : normal;
    }

    private static String header(Duration maxAge) {
        return CacheControl.maxAge(maxAge).cachePublic().getHeaderValue();
    }
}
