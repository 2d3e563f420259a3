package de.stadtportal.events.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import de.stadtportal.events.Fixtures;
import de.stadtportal.testing.security.Tokens;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * {@code POST /api/events/import}: the VEVENTs of an iCalendar file become events at one venue, all
 * or none; importing the same calendar again makes only what is new in it, and a refused import
 * leaves no event, no outbox row and no record of a UID behind.
 */
class EventImportIT extends AtMusikforum {

    private static final MediaType CALENDAR = MediaType.parseMediaType("text/calendar");

    @Test
    void a_programme_becomes_events_and_importing_it_again_makes_only_what_is_new() {
        long outbox = fixtures.outboxMark();
        String kammer = vevent("kammer@musikforum.example", "Kammerkonzert", "20270321T110000");
        String orgel = vevent("orgel@musikforum.example", "Orgelstunde", "20270322T180000",
                "RRULE:FREQ=WEEKLY;COUNT=4");

        Map<String, Object> first = imported(Tokens.editor(city), calendar(kammer, orgel), 201);
        List<Map<String, Object>> made = list(first, "events");
        assertThat(made).extracting(event -> event.get("title")).containsExactly("Kammerkonzert", "Orgelstunde");
        assertThat(list(first, "unchanged")).isEmpty();
        web.get().uri("/api/events/{id}", made.get(1).get("id")).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.venue.name").isEqualTo("Anneliese Brost Musikforum Ruhr")
                .jsonPath("$.start").isEqualTo("2027-03-22T18:00:00+01:00")
                .jsonPath("$.recurrence.rrule").isEqualTo("FREQ=WEEKLY;COUNT=4")
                .jsonPath("$.category").isEqualTo("konzert");
        assertThat(fixtures.outboxRowsSince(outbox)).as("one EventPublished per event").isEqualTo(2);

        long again = fixtures.outboxMark();
        Map<String, Object> second = imported(Tokens.editor(city), calendar(kammer, orgel), 200);
        assertThat(list(second, "events")).isEmpty();
        assertThat(list(second, "unchanged")).extracting(entry -> entry.get("uid"), entry -> entry.get("id"))
                .containsExactly(
                        tuple("kammer@musikforum.example", made.get(0).get("id")),
                        tuple("orgel@musikforum.example", made.get(1).get("id")));
        assertThat(fixtures.outboxRowsSince(again)).isZero();

        Map<String, Object> third = imported(Tokens.editor(city),
                calendar(kammer, orgel, vevent("lieder@musikforum.example", "Liederabend", "20270324T193000")), 201);
        assertThat(list(third, "events")).extracting(event -> event.get("title")).containsExactly("Liederabend");
        assertThat(list(third, "unchanged")).hasSize(2);
        assertThat(eventsInCity()).isEqualTo(3);
    }

    @Test
    void an_event_deleted_after_its_import_is_made_anew_by_the_next() {
        String kammer = calendar(vevent("kammer@musikforum.example", "Kammerkonzert", "20270321T110000"));
        Object id = list(imported(Tokens.editor(city), kammer, 201), "events").get(0).get("id");

        web.delete().uri("/api/events/{id}", id).headers(h -> h.setBearerAuth(Tokens.editor(city)))
                .exchange().expectStatus().isNoContent();

        Object anew = list(imported(Tokens.editor(city), kammer, 201), "events").get(0).get("id");
        assertThat(anew).isNotEqualTo(id);
        assertThat(eventsInCity()).isEqualTo(1);
    }

    @Test
    void the_same_calendar_sent_twice_at_once_makes_each_event_once_and_the_second_answer_lists_them_unchanged() throws Exception {
        String programme = calendar(vevent("kammer@musikforum.example", "Kammerkonzert", "20270321T110000"),
                vevent("orgel@musikforum.example", "Orgelstunde", "20270322T180000"),
                vevent("lieder@musikforum.example", "Liederabend", "20270324T193000"));
        long outbox = fixtures.outboxMark();
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService senders = Executors.newFixedThreadPool(2);
        try {
            List<Future<EntityExchangeResult<String>>> sent = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                sent.add(senders.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return post(Tokens.editor(city), venue, city, CALENDAR, programme).expectBody(String.class)
                            .returnResult();
                }));
            }
            List<EntityExchangeResult<String>> answers = new ArrayList<>();
            for (Future<EntityExchangeResult<String>> answer : sent) {
                answers.add(answer.get(30, TimeUnit.SECONDS));
            }
            // imports into one city take turns: the second finds what the first recorded
            assertThat(answers).extracting(answer -> answer.getStatus().value()).containsExactlyInAnyOrder(201, 200);
            EntityExchangeResult<String> second = answers.stream().filter(answer -> answer.getStatus().value() == 200)
                    .findFirst().orElseThrow();
            assertThat(second.getResponseBody()).contains("\"events\":[]").contains("kammer@musikforum.example",
                    "orgel@musikforum.example", "lieder@musikforum.example");
        } finally {
            senders.shutdownNow();
        }
        assertThat(eventsInCity()).isEqualTo(3);
        assertThat(fixtures.outboxRowsSince(outbox)).as("one EventPublished per event").isEqualTo(3);
        assertThat(fixtures.count("SELECT count(*) FROM imported_event WHERE city = '" + city + "'")).isEqualTo(3);
        assertThat(list(imported(Tokens.editor(city), programme, 200), "unchanged")).hasSize(3);
    }

    @Test
    void a_season_of_150_entries_over_256_kib_is_imported_whole() {
        String description = "DESCRIPTION:" + "Programmhinweis ".repeat(110);
        String season = calendar(IntStream.range(0, 150).mapToObj(i -> vevent("saison-" + i + "@musikforum.example",
                "Saisonkonzert " + i, LocalDate.of(2027, 9, 1).plusDays(i).format(DateTimeFormatter.BASIC_ISO_DATE) + "T190000",
                description)).toArray(String[]::new));
        assertThat(season.length()).as("more than the 256 KiB of any other body").isGreaterThan(256 * 1024);

        assertThat(list(imported(Tokens.editor(city), season, 201), "events")).hasSize(150);
        assertThat(eventsInCity()).isEqualTo(150);
        assertThat(list(imported(Tokens.editor(city), season, 200), "unchanged")).hasSize(150);
    }

    @Test
    void a_calendar_over_500_entries_or_1_mb_is_refused_and_nothing_is_written() {
        refused(422, Tokens.editor(city), calendar(IntStream.range(0, 501).mapToObj(i -> vevent(
                "saison-" + i + "@musikforum.example", "Saisonkonzert", "20270901T190000")).toArray(String[]::new)))
                .jsonPath("$.errors[0].field").isEqualTo("events");
        refused(413, Tokens.editor(city), calendar(vevent("gross@musikforum.example", "Zu groß", "20270901T190000",
                "DESCRIPTION:" + "x".repeat(1024 * 1024))));
    }

    @Test
    void an_unimportable_vevent_and_an_invalid_field_are_named_with_their_item_and_nothing_is_written() {
        String fine = vevent("kammer@musikforum.example", "Kammerkonzert", "20270321T110000");

        refused(400, Tokens.editor(city), calendar(fine, vevent("orgel@musikforum.example", "Orgelstunde",
                "20270322T180000", "STATUS:CANCELLED")))
                .jsonPath("$.errors[0].field").isEqualTo("events[1].status");
        refused(400, Tokens.editor(city), calendar(fine, vevent("orgel@musikforum.example", " ", "20270322T180000")))
                .jsonPath("$.errors[0].field").isEqualTo("events[1].title");
        refused(400, Tokens.editor(city), "BEGIN:VCALENDAR\r\nthis is no calendar")
                .jsonPath("$.errors[0].field").isEqualTo("body");
    }

    @Test
    void an_unknown_venue_a_missing_city_and_another_content_type_are_refused() {
        refused(422, Tokens.editor(city), UUID.randomUUID().toString(), city, CALENDAR,
                calendar(vevent("kammer@musikforum.example", "Kammerkonzert", "20270321T110000")))
                .jsonPath("$.errors[0].field").isEqualTo("events[0].venueId");
        refused(400, Tokens.editor(city), venue, null, CALENDAR,
                calendar(vevent("kammer@musikforum.example", "Kammerkonzert", "20270321T110000")))
                .jsonPath("$.errors[0].field").isEqualTo("city");
        refused(415, Tokens.editor(city), venue, city, MediaType.APPLICATION_JSON, "{\"events\": []}");
    }

    @Test
    void an_import_needs_a_token_and_an_editor_of_the_city() {
        String kammer = calendar(vevent("kammer@musikforum.example", "Kammerkonzert", "20270321T110000"));

        refused(401, null, kammer);
        refused(403, Tokens.editor(Fixtures.newCity("herne")), kammer);
        refused(403, Tokens.editor(Fixtures.newCity("herne")), "no calendar at all");
    }

    private Map<String, Object> imported(String token, String calendar, int status) {
        @SuppressWarnings("unchecked")
        Map<String, Object> answer = post(token, venue, city, CALENDAR, calendar).expectStatus().isEqualTo(status)
                .expectBody(Map.class).returnResult().getResponseBody();
        return answer;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> answer, String name) {
        return (List<Map<String, Object>>) answer.get(name);
    }

    private WebTestClient.ResponseSpec post(String token, String venueId, String inCity, MediaType type, String body) {
        // the answer to a season lists every event made, more than a client's default 256 KiB (the desk reads 2 MiB)
        return web.mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(2 * 1024 * 1024)).build().post().uri(uri -> uri.path("/api/events/import")
                        .queryParamIfPresent("city", Optional.ofNullable(inCity))
                        .queryParam("venueId", venueId).queryParam("category", "konzert").build())
                .headers(h -> {
                    if (token != null) {
                        h.setBearerAuth(token);
                    }
                })
                .contentType(type).bodyValue(body).exchange();
    }

    private WebTestClient.BodyContentSpec refused(int status, String token, String calendar) {
        return refused(status, token, venue, city, CALENDAR, calendar);
    }

    /** The refusal as a problem document; nothing was written: no event, no outbox row, no UID recorded. */
    private WebTestClient.BodyContentSpec refused(int status, String token, String venueId, String inCity,
            MediaType type, String body) {
        long outbox = fixtures.outboxMark();
        WebTestClient.BodyContentSpec answer = post(token, venueId, inCity, type, body)
                .expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(status);
        assertThat(eventsInCity()).isZero();
        assertThat(fixtures.outboxRowsSince(outbox)).isZero();
        assertThat(fixtures.count("SELECT count(*) FROM imported_event WHERE city = '" + city + "'")).isZero();
        return answer;
    }

    private long eventsInCity() {
        return fixtures.count("SELECT count(*) FROM event WHERE city = '" + city + "'");
    }

    private static String calendar(String... vevents) {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Musikforum//Programm//DE\r\n" + String.join("", vevents)
                + "END:VCALENDAR\r\n";
    }

    private static String vevent(String uid, String title, String start, String... lines) {
        StringBuilder vevent = new StringBuilder("BEGIN:VEVENT\r\nUID:" + uid + "\r\nDTSTAMP:20270101T120000Z\r\n"
                + "SUMMARY:" + title + "\r\nDTSTART;TZID=Europe/Berlin:" + start + "\r\n");
        for (String line : lines) {
            vevent.append(line).append("\r\n");
        }
        return vevent.append("END:VEVENT\r\n").toString();
    }
}
