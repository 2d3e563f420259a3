package de.stadtportal.events.event;

import static org.assertj.core.api.Assertions.assertThat;

import de.stadtportal.contracts.Traceparent;
import de.stadtportal.events.EventsServiceIntegrationTest;
import de.stadtportal.events.Fixtures;
import de.stadtportal.testing.security.Tokens;
import io.micrometer.observation.Observation;
import io.r2dbc.proxy.callback.ProxyConfigHolder;
import io.r2dbc.proxy.core.MethodExecutionInfo;
import io.r2dbc.proxy.core.QueryExecutionInfo;
import io.r2dbc.proxy.core.QueryInfo;
import io.r2dbc.proxy.listener.ProxyExecutionListener;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Wrapped;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.util.context.ContextView;

/**
 * The round trips to PostgreSQL of each kind of event write, so that they cannot silently grow
 * back (docs/events-service.md): every statement is one, and so are the transaction's BEGIN and
 * COMMIT. Each write is sent in a trace of its own, and what the database connection is asked to
 * do is counted for that trace only, apart from the relay's and the jobs' work meanwhile.
 */
class EventWritesIT extends EventsServiceIntegrationTest {

    private static final Set<String> TRANSACTION_METHODS = Set.of("beginTransaction", "commitTransaction",
            "rollbackTransaction");

    @Autowired ConnectionFactory connections;

    private final RoundTrips roundTrips = new RoundTrips();
    private String city;
    private String venue;

    @BeforeEach
    void setUp() {
        city = fixtures.knownCity(Fixtures.newCity("dortmund"));
        venue = fixtures.venue(city, "Konzerthaus Dortmund", 51.5150, 7.4620);
        listeners().add(roundTrips);
    }

    @AfterEach
    void stopCounting() {
        listeners().remove(roundTrips);
    }

    @Test
    void a_new_event_takes_two_round_trips_and_no_transaction() {
        List<String> trips = roundTrips.of(request -> request.post().uri("/api/events")
                .headers(h -> h.setBearerAuth(Tokens.editor(city)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Fixtures.eventBody(city, venue, "Orgelnacht", "2027-03-20T19:00:00+01:00", null))
                .exchange().expectStatus().isCreated());

        assertThat(trips).as("city and venue read, then the event with its listing and outbox entry while the venue"
                + " is as read, in one statement").hasSize(2).doesNotContainAnyElementsOf(TRANSACTION_METHODS);
    }

    @Test
    void a_batch_takes_a_round_trip_per_venue_and_one_for_all_its_events_in_one_transaction() {
        String another = fixtures.venue(city, "Reinoldikirche", 51.5139, 7.4681);
        List<Map<String, Object>> events = List.of(
                Fixtures.eventBody(city, venue, "Orgelnacht", "2027-03-20T19:00:00+01:00", null),
                Fixtures.eventBody(city, another, "Orgelmatinee", "2027-03-21T11:00:00+01:00", null),
                Fixtures.eventBody(city, venue, "Orgelvesper", "2027-03-21T18:00:00+01:00", null));

        List<String> trips = roundTrips.of(request -> request.post().uri("/api/events/batch")
                .headers(h -> h.setBearerAuth(Tokens.editor(city)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("events", events))
                .exchange().expectStatus().isCreated());

        assertThat(trips).as("BEGIN, city and venue held once per venue, the events with their listings and outbox "
                + "entries, COMMIT").hasSize(2 + 2 + 1);
    }

    @Test
    void an_import_takes_seven_round_trips_and_four_when_nothing_is_new() {
        String calendar = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Konzerthaus//DE\r\n"
                + vevent("orgelnacht@konzerthaus.example", "20270320T190000")
                + vevent("orgelmatinee@konzerthaus.example", "20270321T110000") + "END:VCALENDAR\r\n";
        Consumer<WebTestClient> importing = request -> request.post()
                .uri("/api/events/import?city={city}&venueId={venue}&category=konzert", city, venue)
                .headers(h -> h.setBearerAuth(Tokens.editor(city)))
                .contentType(MediaType.parseMediaType("text/calendar"))
                .bodyValue(calendar)
                .exchange().expectStatus().is2xxSuccessful();

        assertThat(roundTrips.of(importing)).as("BEGIN, the city's turn, the UIDs known, city and venue held, the "
                + "events with their listings and outbox entries, the UIDs recorded, COMMIT").hasSize(7);
        assertThat(roundTrips.of(importing)).as("BEGIN, the city's turn, the UIDs known, COMMIT").hasSize(4);
    }

    private static String vevent(String uid, String start) {
        return "BEGIN:VEVENT\r\nUID:" + uid + "\r\nDTSTAMP:20270101T120000Z\r\nSUMMARY:Orgelmusik\r\n"
                + "DTSTART;TZID=Europe/Berlin:" + start + "\r\nEND:VEVENT\r\n";
    }

    @Test
    void an_edit_takes_three_round_trips_and_no_transaction() {
        Map<String, Object> body = Fixtures.eventBody(city, venue, "Orgelnacht", "2027-03-20T19:00:00+01:00", null);
        String id = fixtures.event(body);
        String etag = fixtures.etag(id);
        body.put("title", "Lange Orgelnacht");

        List<String> trips = roundTrips.of(request -> request.put().uri("/api/events/{id}", id)
                .headers(h -> {
                    h.setBearerAuth(Tokens.editor(city));
                    h.setIfMatch(etag);
                })
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isOk());

        assertThat(trips).as("read, city and venue read, event with its listing and outbox entry while the venue is"
                + " as read").hasSize(3).doesNotContainAnyElementsOf(TRANSACTION_METHODS);
    }

    @Test
    void a_lifecycle_step_takes_two_round_trips_and_no_transaction() {
        String id = fixtures.event(Fixtures.eventBody(city, venue, "Orgelnacht", "2027-03-20T19:00:00+01:00",
                "2027-03-20T22:00:00+01:00"));

        List<String> rescheduling = roundTrips.of(request -> request.post().uri("/api/events/{id}/rescheduling", id)
                .headers(h -> h.setBearerAuth(Tokens.editor(city)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("start", "2027-04-03T19:00:00+02:00"))
                .exchange().expectStatus().isOk());
        List<String> cancellation = roundTrips.of(request -> request.post().uri("/api/events/{id}/cancellation", id)
                .headers(h -> {
                    h.setBearerAuth(Tokens.editor(city));
                    h.setIfMatch(fixtures.etag(id));
                })
                .exchange().expectStatus().isOk());

        assertThat(rescheduling).as("read with its venue, event with its listing and outbox entry while the venue is"
                + " as read").hasSize(2).doesNotContainAnyElementsOf(TRANSACTION_METHODS);
        assertThat(cancellation).as("read with its venue, event with its listing and outbox entry while the venue is"
                + " as read").hasSize(2).doesNotContainAnyElementsOf(TRANSACTION_METHODS);
    }

    @Test
    void a_deletion_takes_two_round_trips_and_no_transaction() {
        String id = fixtures.event(Fixtures.eventBody(city, venue, "Orgelnacht", "2027-03-20T19:00:00+01:00", null));
        String etag = fixtures.etag(id);

        List<String> trips = roundTrips.of(request -> request.delete().uri("/api/events/{id}", id)
                .headers(h -> {
                    h.setBearerAuth(Tokens.editor(city));
                    h.setIfMatch(etag);
                })
                .exchange().expectStatus().isNoContent());

        assertThat(trips).as("read, event removed with its outbox entry").hasSize(2)
                .doesNotContainAnyElementsOf(TRANSACTION_METHODS);
    }

    @Test
    void a_refused_edit_writes_nothing_and_stops_at_the_first_refusal() {
        Map<String, Object> body = Fixtures.eventBody(city, venue, "Orgelnacht", "2027-03-20T19:00:00+01:00", null);
        String id = fixtures.event(body);
        String etag = fixtures.etag(id);
        body.put("venueId", UUID.randomUUID().toString());

        List<String> trips = roundTrips.of(request -> request.put().uri("/api/events/{id}", id)
                .headers(h -> {
                    h.setBearerAuth(Tokens.editor(city));
                    h.setIfMatch(etag);
                })
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isEqualTo(422));

        assertThat(trips).as("read, city and venue read").hasSize(2);
        assertThat(fixtures.etag(id)).isEqualTo(etag);
    }

    @Test
    void statements_are_observed_in_sampled_traces_only() {
        Map<String, Object> body = Fixtures.eventBody(city, venue, "Orgelnacht", "2027-03-20T19:00:00+01:00", null);
        Consumer<WebTestClient> create = request -> request.post().uri("/api/events")
                .headers(h -> h.setBearerAuth(Tokens.editor(city)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isCreated();

        List<String> unsampled = roundTrips.of(create, false);
        List<String> sampled = roundTrips.of(create, true);

        assertThat(RoundTrips.observed(unsampled)).as(String.join("\n", unsampled)).isZero();
        assertThat(RoundTrips.observed(sampled)).as("the two statements, " + String.join("\n", sampled)).isEqualTo(2);
    }

    private List<ProxyExecutionListener> listeners() {
        Object factory = connections;
        while (!(factory instanceof ProxyConfigHolder) && factory instanceof Wrapped<?> wrapped) {
            factory = wrapped.unwrap();
        }
        assertThat(factory).as("the connection factory, proxied by r2dbc-proxy").isInstanceOf(ProxyConfigHolder.class);
        return ((ProxyConfigHolder) factory).getProxyConfig().getListeners().getListeners();
    }

    /**
     * What the database is asked per trace: each statement (its SQL, and whether it was observed)
     * and each BEGIN, COMMIT and ROLLBACK, found by the {@code traceparent} the request's Reactor
     * context carries. Added after the service's listeners, it sees the observation they started.
     */
    private final class RoundTrips implements ProxyExecutionListener {

        private static final String OBSERVED = "observed: ";

        private final Map<String, Queue<String>> byTrace = new ConcurrentHashMap<>();

        /** The round trips of the request {@code send} makes, sent in a new trace that is not sampled. */
        List<String> of(Consumer<WebTestClient> send) {
            return of(send, false);
        }

        /** The round trips of the request {@code send} makes, sent in a new trace, sampled or not. */
        List<String> of(Consumer<WebTestClient> send, boolean sampled) {
            String traceId = UUID.randomUUID().toString().replace("-", "");
            String traceparent = "00-" + traceId + "-" + traceId.substring(0, 16) + (sampled ? "-01" : "-00");
            send.accept(web.mutate().defaultHeader(Traceparent.HEADER, traceparent).build());
            return List.copyOf(byTrace.getOrDefault(traceId, new ConcurrentLinkedQueue<>()));
        }

        static long observed(List<String> trips) {
            return trips.stream().filter(trip -> trip.startsWith(OBSERVED)).count();
        }

        @Override
        public void beforeQuery(QueryExecutionInfo execution) {
            String trace = traceOf(execution.getValueStore().get(ContextView.class, ContextView.class));
            if (trace != null) {
                boolean observed = execution.getValueStore().get(Observation.class, Observation.class) != null;
                trips(trace).add((observed ? OBSERVED : "") + String.join("; ",
                        execution.getQueries().stream().map(QueryInfo::getQuery).toList()));
            }
        }

        @Override
        public void beforeMethod(MethodExecutionInfo execution) {
            String method = execution.getMethod().getName();
            if (TRANSACTION_METHODS.contains(method)) {
                String trace = traceOf(execution.getValueStore().get(ContextView.class, ContextView.class));
                if (trace != null) {
                    trips(trace).add(method);
                }
            }
        }

        private Queue<String> trips(String trace) {
            return byTrace.computeIfAbsent(trace, t -> new ConcurrentLinkedQueue<>());
        }

        private static String traceOf(ContextView context) {
            String traceparent = context == null ? null : context.getOrDefault(Traceparent.CONTEXT_KEY, null);
            return traceparent == null || !Traceparent.isValid(traceparent) ? null : traceparent.substring(3, 35);
        }
    }
}
