package de.stadtportal.events.event.web;

import de.stadtportal.events.event.domain.Event;
import de.stadtportal.events.event.domain.EventAtVenue;
import de.stadtportal.events.event.domain.EventDetails;
import de.stadtportal.events.venue.domain.VenueDetails;
import de.stadtportal.kernel.PortalTime;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.ZonedDateTime;
import java.util.List;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.DateList;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.ExDate;
import net.fortuna.ical4j.model.property.Geo;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * Events as RFC 5545 iCalendar, built with ical4j rather than by concatenating strings, so folding,
 * escaping and the VTIMEZONE definition are right. Times are local to Europe/Berlin with a TZID, so
 * calendar apps keep a weekly 19:00 at 19:00 across the clock changes, like the API does. UIDs are
 * derived from the event id and DTSTAMP from its last change, so the same event always renders the
 * same way and calendar apps update rather than duplicate it; SEQUENCE follows the version.
 */
final class ICalendar {

    static final String MEDIA_TYPE = "text/calendar;charset=UTF-8";
    private static final String PRODUCT = "-//Stadtportal//events-service//DE";
    private static final VTimeZone PORTAL_ZONE;

    static {
        TimeZoneRegistry registry = TimeZoneRegistryFactory.getInstance().createRegistry();
        PORTAL_ZONE = registry.getTimeZone(PortalTime.ZONE.getId()).getVTimeZone();
    }

    private ICalendar() {
    }

    static String of(List<EventAtVenue> events, String baseUrl) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(PORTAL_ZONE);
        for (EventAtVenue stored : events) {
            calendar.add(vevent(stored, baseUrl));
        }
        return calendar.toString();
    }

    static String uid(Event event) {
        return event.id() + "@stadtportal.de";
    }

    private static VEvent vevent(EventAtVenue stored, String baseUrl) {
        Event event = stored.event();
        EventDetails d = event.details();
        VEvent vevent = new VEvent(false);
        vevent.add(new Uid(uid(event)));
        vevent.add(new DtStamp(event.updatedAt()));
        vevent.add(new LastModified(event.updatedAt()));
        vevent.add(new Sequence((int) Math.min(Integer.MAX_VALUE, event.version() - 1)));
        ZonedDateTime start = d.start().atZoneSameInstant(PortalTime.ZONE);
        ZonedDateTime end = start.plus(event.duration());
        if (d.allDay()) {
            vevent.add(new DtStart<>(start.toLocalDate()));
            vevent.add(new DtEnd<>(end.toLocalDate().isAfter(start.toLocalDate()) ? end.toLocalDate()
                    : start.toLocalDate().plusDays(1)));
        } else {
            vevent.add(new DtStart<>(start));
            if (d.end() != null) {
                vevent.add(new DtEnd<>(end));
            }
        }
        vevent.add(new Summary(d.title()));
        if (!d.description().isBlank()) {
            vevent.add(new Description(d.description()));
        }
        VenueDetails venue = stored.venue().details();
        vevent.add(new Location(venue.name() + ", " + venue.address().street() + ", " + venue.address().postalCode()
                + " " + venue.address().locality()));
        vevent.add(new Geo(BigDecimal.valueOf(venue.geo().lat()), BigDecimal.valueOf(venue.geo().lon())));
        vevent.add(new Categories(d.category()));
        vevent.add(status(event));
        if (d.recurring()) {
            vevent.add(new RRule<ZonedDateTime>(new Recur<>(d.recurrence().rrule())));
            if (!d.recurrence().exdates().isEmpty()) {
                DateList<ZonedDateTime> exdates = new DateList<>(d.recurrence().exdates().stream()
                        .map(exdate -> exdate.atZoneSameInstant(PortalTime.ZONE)).toList());
                vevent.add(new ExDate<>(new ParameterList(List.of(new TzId(PortalTime.ZONE.getId()))), exdates));
            }
        }
        vevent.add(new Url(url(d.ticketUrl(), baseUrl + "/api/events/" + event.id())));
        return vevent;
    }

    private static Status status(Event event) {
        return switch (event.status()) {
            case CANCELLED -> ImmutableStatus.VEVENT_CANCELLED;
            case POSTPONED -> ImmutableStatus.VEVENT_TENTATIVE;
            case SCHEDULED, RESCHEDULED, SOLD_OUT -> ImmutableStatus.VEVENT_CONFIRMED;
        };
    }

    private static URI url(String preferred, String fallback) {
        try {
            return new URI(preferred == null ? fallback : preferred);
        } catch (URISyntaxException e) {
            return URI.create(fallback);
        }
    }
}
