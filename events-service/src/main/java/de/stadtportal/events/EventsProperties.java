package de.stadtportal.events;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code stadtportal.events}: the categories editors may choose (slug to German
 * label, in the order apps show them) and the bounds that keep a query's recurrence expansion small.
 *
 * @param categories category slug to label
 * @param defaultWindow how far ahead {@code GET /api/events} looks when {@code to} is not given
 * @param maxWindow the longest {@code from}..{@code to} a query may ask for
 * @param defaultRadiusKm the radius around {@code near} when {@code radiusKm} is not given
 * @param feedSize how many events the iCalendar feed carries at most
 * @param announcementInterval how often series whose announced starts ran low are announced again
 * @param listing how far each event's starts are listed for reading pages in order
 * @param maxBatch how many events one {@code POST /api/events/batch} may create at most
 * @param maxImport how many VEVENTs one {@code POST /api/events/import} may hold at most: a venue's
 *        season; its file may be up to {@code stadtportal.web.uploads.max-size}
 * @param statementObservations whether statements are observed (a span and a timer each) in sampled
 *        traces; never in unsampled ones ({@link ObservationConfiguration})
 */
@ConfigurationProperties("stadtportal.events")
public record EventsProperties(
        Map<String, String> categories,
        @DefaultValue("30d") Duration defaultWindow,
        @DefaultValue("400d") Duration maxWindow,
        @DefaultValue("10") double defaultRadiusKm,
        @DefaultValue("500") int feedSize,
        @DefaultValue("10m") Duration announcementInterval,
        @DefaultValue ListingSettings listing,
        @DefaultValue("100") int maxBatch,
        @DefaultValue("500") int maxImport,
        @DefaultValue("true") boolean statementObservations) {

    public EventsProperties {
        categories = categories == null ? Map.of() : new LinkedHashMap<>(categories);
    }

    /**
     * The listing of starts ({@code occurrence} table): a series is listed {@code ahead} of its last
     * change, at most {@code max} starts (from {@code behind} ago when its whole past does not fit),
     * and listed again every {@code interval} pass once less than a query window is left ahead.
     */
    public record ListingSettings(
            @DefaultValue("500d") Duration ahead,
            @DefaultValue("31d") Duration behind,
            @DefaultValue("1000") int max,
            @DefaultValue("1h") Duration interval) {
    }
}
