package de.stadtportal.content;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** The API presents every time in Europe/Berlin with its offset (SPEC §3); stored times are UTC instants. */
public final class Berlin {

    public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private Berlin() {
    }

    public static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atZone(ZONE).toOffsetDateTime();
    }
}
