package de.stadtportal.portal.page;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Dates and times as German readers expect them, always in Berlin time whatever offset the API
 * sent ({@code @dates} in the templates).
 */
@Component("dates")
public class Dates {

    public static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE, d. MMMM yyyy", Locale.GERMAN);
    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("EEE, d. MMM", Locale.GERMAN);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.GERMAN);

    /** "Sa., 20. März 2027". */
    public String day(OffsetDateTime time) {
        return time == null ? "" : DAY.format(berlin(time));
    }

    /** "Sa., 20. März". */
    public String shortDay(OffsetDateTime time) {
        return time == null ? "" : SHORT_DAY.format(berlin(time));
    }

    /** "19:00 Uhr". */
    public String time(OffsetDateTime time) {
        return time == null ? "" : TIME.format(berlin(time)) + " Uhr";
    }

    /** "Sa., 20. März 2027, 19:00 Uhr". */
    public String dayAndTime(OffsetDateTime time) {
        return time == null ? "" : day(time) + ", " + time(time);
    }

    /** The machine-readable form for {@code <time datetime>}. */
    public String iso(OffsetDateTime time) {
        return time == null ? "" : berlin(time).toOffsetDateTime().toString();
    }

    /** The date of a time in Berlin, for date inputs. */
    public static LocalDate dateOf(OffsetDateTime time) {
        return berlin(time).toLocalDate();
    }

    private static java.time.ZonedDateTime berlin(OffsetDateTime time) {
        return time.atZoneSameInstant(BERLIN);
    }
}
