package de.stadtportal.events.event.application;

import de.stadtportal.events.event.domain.Event;
import de.stadtportal.events.event.domain.Occurrence;
import de.stadtportal.events.event.persistence.OccurrenceRepository;
import de.stadtportal.events.event.persistence.OccurrenceRepository.BeyondListing;
import de.stadtportal.events.event.persistence.OccurrenceRepository.Filter;
import de.stadtportal.kernel.paging.Slice;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Pages of occurrences: the listed ones read in start order with a LIMIT (see
 * {@link OccurrenceRepository}), plus, for the few events whose listing does not cover the window,
 * their rules expanded at most one page each; only the earliest {@code limit + 1} are kept while
 * they arrive.
 */
@Service
public class OccurrenceService {

    /**
     * Start, then event id as PostgreSQL orders UUIDs (unsigned, as their hex text does; Java's
     * {@code UUID.compareTo} compares signed halves), so pages merged here follow the database's order.
     */
    private static final Comparator<FoundOccurrence> BY_START = Comparator
            .comparing((FoundOccurrence o) -> o.occurrence().start().toInstant())
            .thenComparing(o -> o.at().event().id().toString());

    private final OccurrenceRepository occurrences;

    OccurrenceService(OccurrenceRepository occurrences) {
        this.occurrences = occurrences;
    }

    public Mono<Slice<FoundOccurrence>> find(OccurrenceQuery query) {
        int wanted = Slice.rowsFor(query.limit());
        Instant searchFrom = query.afterStart() != null && query.afterStart().isAfter(query.from())
                ? query.afterStart() : query.from();
        Filter filter = filter(query);
        Flux<FoundOccurrence> listed = occurrences.listed(filter, query.afterStart(), query.afterEvent(), wanted)
                .map(found -> new FoundOccurrence(found.at(), listed(found.start(), found.end()), found.distanceKm()));
        Flux<FoundOccurrence> beyond = occurrences.beyondListing(filter, searchFrom)
                .concatMapIterable(event -> beyondListing(event, query, wanted));
        return Flux.concat(listed, beyond)
                .filter(found -> isAfterCursor(found, query))
                .collect(() -> new TreeSet<>(BY_START), (TreeSet<FoundOccurrence> earliest, FoundOccurrence found) -> {
                    earliest.add(found);
                    if (earliest.size() > wanted) {
                        earliest.pollLast();
                    }
                })
                .map(earliest -> Slice.of(new ArrayList<>(earliest), query.limit()));
    }

    private static Filter filter(OccurrenceQuery query) {
        return new Filter(query.from(), query.to(), query.city(), query.category(), query.venue(), query.free(),
                query.accessible(), OccurrenceQuery.ACCESSIBLE_FEATURE,
                query.near() == null ? null : query.near().lat(), query.near() == null ? null : query.near().lon(),
                query.radiusKm() * 1000.0);
    }

    /** The occurrences of an event in the window that its listing leaves out, at most {@code max} on each side. */
    private static List<FoundOccurrence> beyondListing(BeyondListing beyond, OccurrenceQuery query, int max) {
        Event event = beyond.at().event();
        List<Occurrence> found = new ArrayList<>();
        if (beyond.unlisted()) {
            found.addAll(event.occurrences(query.from(), query.to(), query.afterStart(), max));
        } else {
            if (beyond.coversFrom() != null) {
                Instant firstListed = beyond.coversFrom().minus(event.duration());
                Instant to = firstListed.isBefore(query.to()) ? firstListed : query.to();
                found.addAll(event.occurrences(query.from(), to, query.afterStart(), max));
            }
            if (beyond.coversUntil() != null && beyond.coversUntil().isBefore(query.to())) {
                Instant notBefore = query.afterStart() != null && query.afterStart().isAfter(beyond.coversUntil())
                        ? query.afterStart() : beyond.coversUntil();
                found.addAll(event.occurrences(query.from(), query.to(), notBefore, max));
            }
        }
        return found.stream().map(occurrence -> new FoundOccurrence(beyond.at(), occurrence, beyond.distanceKm()))
                .toList();
    }

    private static boolean isAfterCursor(FoundOccurrence found, OccurrenceQuery query) {
        if (query.afterStart() == null) {
            return true;
        }
        int order = found.occurrence().start().toInstant().compareTo(query.afterStart());
        return order > 0 || (order == 0 && found.at().event().id().toString().compareTo(query.afterEvent().toString()) > 0);
    }

    /** A listed occurrence: its end is the start again for an event that is a moment. */
    private static Occurrence listed(Instant start, Instant end) {
        return new Occurrence(Event.local(start.atOffset(ZoneOffset.UTC)),
                end.equals(start) ? null : Event.local(end.atOffset(ZoneOffset.UTC)));
    }
}
