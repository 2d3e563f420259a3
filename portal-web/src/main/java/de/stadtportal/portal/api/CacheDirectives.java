package de.stadtportal.portal.api;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What an answer's {@code Cache-Control} allows a <em>shared</em> cache, which the portal is: it
 * keeps answers read for one visitor and shows them to others. So {@code private} and
 * {@code no-store} keep nothing, {@code s-maxage} counts before {@code max-age}, and a directive
 * the portal cannot read is taken the careful way (an unreadable age is no age, a {@code private}
 * or {@code no-cache} naming fields counts for the whole answer).
 *
 * @param noStore nothing may be kept
 * @param privately only the visitor's own browser may keep it
 * @param noCache it may be kept, but never served again without asking the origin first
 * @param isPublic said explicitly
 * @param maxAge the lifetime for any cache, null when not given
 * @param sharedMaxAge the lifetime for shared caches, null when not given
 */
public record CacheDirectives(boolean noStore, boolean privately, boolean noCache, boolean isPublic, Duration maxAge,
        Duration sharedMaxAge) {

    /** An answer without the header: nothing said, so nothing is fresh (the portal guesses no lifetime). */
    public static final CacheDirectives NONE = new CacheDirectives(false, false, false, false, null, null);

    /** The directives of every {@code Cache-Control} line of an answer. */
    public static CacheDirectives parse(List<String> headerValues) {
        boolean noStore = false;
        boolean privately = false;
        boolean noCache = false;
        boolean isPublic = false;
        Duration maxAge = null;
        Duration sharedMaxAge = null;
        for (String line : headerValues) {
            for (String directive : line.split(",")) {
                int equals = directive.indexOf('=');
                String name = (equals < 0 ? directive : directive.substring(0, equals)).trim().toLowerCase(Locale.ROOT);
                String value = equals < 0 ? null : unquote(directive.substring(equals + 1).trim());
                switch (name) {
                    case "no-store" -> noStore = true;
                    case "private" -> privately = true;
                    case "no-cache" -> noCache = true;
                    case "public" -> isPublic = true;
                    case "max-age" -> maxAge = maxAge == null ? seconds(value) : Duration.ZERO;
                    case "s-maxage" -> sharedMaxAge = sharedMaxAge == null ? seconds(value) : Duration.ZERO;
                    default -> {
                    }
                }
            }
        }
        return new CacheDirectives(noStore, privately, noCache, isPublic, maxAge, sharedMaxAge);
    }

    /** Whether a shared cache may keep the answer at all. */
    public boolean storable() {
        return !noStore && !privately;
    }

    /** How long a shared cache may serve the answer without asking again: zero when it must ask each time. */
    public Duration freshFor() {
        if (!storable() || noCache) {
            return Duration.ZERO;
        }
        Duration lifetime = sharedMaxAge != null ? sharedMaxAge : maxAge;
        return lifetime == null ? Duration.ZERO : lifetime;
    }

    /** A lifetime that is not a plain count of seconds is no lifetime (RFC 9111: treat it as stale). */
    private static Duration seconds(String value) {
        if (value == null || value.isEmpty() || value.length() > 10 || !value.chars().allMatch(Character::isDigit)) {
            return Duration.ZERO;
        }
        return Duration.ofSeconds(Long.parseLong(value));
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }
}
