package de.stadtportal.kernel;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * The portal's one time zone. Every city on the platform lies in Germany, so the API presents times
 * in Europe/Berlin with their offset (SPEC §3), events are planned in local Berlin time, and stored
 * times are UTC instants. "Now" comes from the one {@code Clock} bean the platform provides.
 */
public final class PortalTime {

    public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private PortalTime() {
    }

    /** The instant as the API shows it: local Berlin time with its offset; {@code null} stays {@code null}. */
    public static OffsetDateTime local(Instant instant) {
        return instant == null ? null : instant.atZone(ZONE).toOffsetDateTime();
    }
}
