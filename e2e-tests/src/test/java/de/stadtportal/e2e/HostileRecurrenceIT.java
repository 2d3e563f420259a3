package de.stadtportal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import de.stadtportal.launcher.LocalPlatform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Recurrence bombs through the gateway: rules that would expand without bound (each BY-part that
 * multiplies a period's starts, frequencies finer than daily, a large COUNT, a far UNTIL, and their
 * combinations) sent as new events, as edits and as reschedulings. Each must be a 422 problem naming
 * {@code recurrence.rrule}, nothing may be written, and events-service's memory must stay flat: one
 * such rule once took the service to {@code OutOfMemoryError}. The client waits long (the gateway's
 * 30 s) so that a slow answer shows as a figure, not as a flaky failure; the figures are printed.
 */
class HostileRecurrenceIT {

    private static final String MARKER = "Zeitbombe " + CityOfItsOwn.letters(6);
    private static final int ROUNDS = 3;
    /** Three shows a day until the end of 2028: fine from now, too many if it began decades ago. */
    private static final String SERIES = "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA,SU;BYHOUR=15,18,21;UNTIL=20281231T235959Z";

    private static LocalPlatform platform;
    private static Gateway gateway;
    private static PlatformIssuer issuer;
    private static CityOfItsOwn city;
    private static String venueId;
    private static String seriesId;

    @BeforeAll
    static void aCityWithAVenueAndASeries() {
        platform = RunningPlatform.get();
        gateway = new Gateway(platform.gatewayUrl());
        issuer = PlatformIssuer.of(RunningPlatform.get());
        city = CityOfItsOwn.create(gateway, issuer, "Bombenstadt");
        venueId = city.firstVenue("Pulverturm");
        Map<String, Object> series = city.event(MARKER + " Dauerbrenner", venueId);
        series.put("recurrence", Map.of("rrule", SERIES, "exdates", List.of()));
        Gateway.Answer created = gateway.send("POST", "/api/events", issuer.admin(), series, Map.of());
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        seriesId = created.body().get("id").asString();
    }

    @Test
    void every_recurrence_bomb_is_a_422_naming_the_rule_nothing_is_written_and_memory_stays_flat() {
        long pid = platform.processId("events-service");
        String before = city.etag("/api/events/" + seriesId);
        long eventsBefore = eventsOfTheCity();

        // the first round warms the service up; memory is compared between its end and the last round's
        int requests = round();
        long peakBefore = memory(pid, "VmHWM");
        long residentBefore = memory(pid, "VmRSS");
        for (int round = 1; round < ROUNDS; round++) {
            requests += round();
        }
        long peakAfter = memory(pid, "VmHWM");
        long residentAfter = memory(pid, "VmRSS");

        System.out.printf("HostileRecurrenceIT: %d hostile recurrence requests (%d rules as a new event and "
                        + "as an edit, and 2 reschedulings, × %d rounds), all 422; events-service peak RSS %d MiB before, %d MiB after "
                        + "(resident %d → %d MiB)%n", requests, bombs().size(), ROUNDS, peakBefore >> 20,
                peakAfter >> 20, residentBefore >> 20, residentAfter >> 20);
        assertThat(eventsOfTheCity()).as("no event written").isEqualTo(eventsBefore);
        assertThat(city.etag("/api/events/" + seriesId)).as("the series unchanged").isEqualTo(before);
        assertThat(peakAfter).as("events-service's peak memory (bytes)").isLessThan(peakBefore * 3 / 2 + (64L << 20));
    }

    /** Every bomb once as a new event, once as an edit of the series, and rescheduled far back. */
    private static int round() {
        int requests = 0;
        for (String rule : bombs()) {
            Map<String, Object> event = city.event(MARKER + " " + requests, venueId);
            event.put("recurrence", Map.of("rrule", rule, "exdates", List.of()));
            refused(rule, gateway.send("POST", "/api/events", issuer.admin(), event, Map.of()));
            requests++;

            Map<String, Object> edit = city.event(MARKER + " Dauerbrenner", venueId);
            edit.put("recurrence", Map.of("rrule", rule, "exdates", List.of()));
            refused(rule, gateway.send("PUT", "/api/events/" + seriesId, issuer.admin(), edit,
                    Map.of("If-Match", city.etag("/api/events/" + seriesId))));
            requests++;
        }
        // a series that fits from its start may not be moved back so far that it would not
        for (String start : List.of("1980-01-04T18:00:00+01:00", "2000-01-07T18:00:00+01:00")) {
            Gateway.Answer moved = gateway.send("POST", "/api/events/" + seriesId + "/rescheduling", issuer.admin(),
                    Map.of("start", start), Map.of());
            refused("rescheduled to " + start, moved);
            requests++;
        }
        return requests;
    }

    private static void refused(String rule, Gateway.Answer answer) {
        assertThat(answer.status()).as(rule + ": " + answer.raw().body()).isEqualTo(422);
        assertThat(answer.contentType()).as(rule).startsWith("application/problem+json");
        assertThat(answer.body().get("errors").get(0).get("field").asString()).as(rule).isEqualTo("recurrence.rrule");
    }

    /** Each BY-part alone at its full range, finer frequencies, large COUNT, far UNTIL, and combinations. */
    static List<String> bombs() {
        List<String> bombs = new ArrayList<>();
        String hours = range(0, 23);
        String minutes = range(0, 59);
        String seconds = range(0, 59);
        String far = ";UNTIL=99991231T235959Z";
        for (String frequency : List.of("SECONDLY", "MINUTELY", "HOURLY")) {
            bombs.add("FREQ=" + frequency);
            bombs.add("FREQ=" + frequency + ";COUNT=5");
            bombs.add("FREQ=" + frequency + far);
        }
        bombs.add("FREQ=DAILY;COUNT=100000000");
        bombs.add("FREQ=DAILY;INTERVAL=1000");
        bombs.add("FREQ=DAILY;BYHOUR=" + hours);
        bombs.add("FREQ=DAILY;BYMINUTE=" + minutes);
        bombs.add("FREQ=DAILY;BYSECOND=" + seconds);
        bombs.add("FREQ=DAILY;BYHOUR=" + hours + ";BYMINUTE=" + minutes + ";BYSECOND=" + seconds + far);
        bombs.add("FREQ=DAILY;BYHOUR=" + hours + ";BYMINUTE=" + minutes + ";BYSECOND=" + seconds + ";BYSETPOS=1");
        bombs.add("FREQ=DAILY;BYHOUR=" + hours + ";BYMINUTE=" + minutes + ";COUNT=1000;BYMONTH=2;BYMONTHDAY=29");
        bombs.add("FREQ=DAILY;BYHOUR=9,12,15,18" + far);
        bombs.add("FREQ=DAILY;BYHOUR=" + "19,".repeat(2000) + "19");
        bombs.add("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA,SU;BYHOUR=" + hours);
        bombs.add("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA,SU;BYMINUTE=0,15,30,45" + far);
        bombs.add("FREQ=MONTHLY;BYMONTHDAY=" + range(1, 31) + ";BYHOUR=10,14,18");
        bombs.add("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR,SA,SU;BYSECOND=" + seconds);
        bombs.add("FREQ=MONTHLY;BYMONTHDAY=" + range(1, 28) + ";BYMINUTE=" + minutes + ";BYSETPOS=-1");
        bombs.add("FREQ=YEARLY;BYYEARDAY=" + range(1, 366) + ";BYHOUR=10,14,18");
        bombs.add("FREQ=YEARLY;BYWEEKNO=" + range(1, 53) + ";BYDAY=MO,TU,WE,TH,FR,SA,SU;BYHOUR=10,14,18");
        bombs.add("FREQ=YEARLY;BYMONTH=" + range(1, 12) + ";BYMONTHDAY=" + range(1, 31) + ";BYMINUTE=0,20,40");
        bombs.add("FREQ=YEARLY;BYDAY=MO,TU,WE,TH,FR,SA,SU;BYHOUR=0,6,12,18" + far);
        bombs.add("FREQ=YEARLY;BYMONTH=" + range(1, 12) + ";BYDAY=MO,TU,WE,TH,FR,SA,SU;BYHOUR=" + hours
                + ";BYMINUTE=" + minutes + ";BYSECOND=" + seconds + ";BYSETPOS=1,-1;COUNT=1000");
        return bombs;
    }

    private static String range(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(Integer::toString).collect(Collectors.joining(","));
    }

    private static long eventsOfTheCity() {
        try (Connection events = platform.database("events");
                PreparedStatement count = events.prepareStatement("SELECT count(*) FROM event WHERE city = ?")) {
            count.setString(1, city.slug());
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A line of {@code /proc/<pid>/status} in bytes: VmRSS (resident now) or VmHWM (resident at its peak). */
    private static long memory(long pid, String field) {
        try {
            Map<String, String> status = new LinkedHashMap<>();
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    status.put(line.substring(0, colon), line.substring(colon + 1).trim());
                }
            }
            return Long.parseLong(status.get(field).replace("kB", "").trim()) * 1024;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
