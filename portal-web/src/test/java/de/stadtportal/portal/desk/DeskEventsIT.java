package de.stadtportal.portal.desk;

import static org.assertj.core.api.Assertions.assertThat;

import de.stadtportal.portal.desk.domain.WeeklyRecurrence;
import de.stadtportal.testing.data.TestImages;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.node.ObjectNode;

/**
 * An editor's events at the desk, against the stand-in events API: the city's coming dates with
 * their status, an event edited in the form it was made in (the fields the form does not show kept),
 * the lost race, each step of an event's life, one date of a series left out, the recurrence form's
 * refusals by field in German and English, and an editor of another city refused. One story per
 * test, all in one class so that they share one Spring context with {@link DeskVenuesIT}.
 */
class DeskEventsIT extends DeskWithFakePlatform {

    static final String LIST = "/redaktion/bochum/veranstaltungen";
    static final String REFUSED = "Diese Stadt gehört nicht zu Ihren Städten. Die Plattform hat den Zugriff abgelehnt;"
            + " nichts wurde geändert.";

    /** The coming Thursday, 19:30 in Bochum: always within the desk's list. */
    static LocalDateTime thursday() {
        return LocalDate.now(WeeklyRecurrence.CITY_TIME).with(TemporalAdjusters.next(DayOfWeek.THURSDAY))
                .atTime(19, 30);
    }

    static OffsetDateTime at(LocalDateTime time) {
        return time.atZone(WeeklyRecurrence.CITY_TIME).toOffsetDateTime();
    }

    @Test
    void the_city_list_shows_every_coming_date_with_the_status_of_its_event() {
        DeskBrowser editor = signIn("redaktion-bochum", List.of("bochum"));
        String series = api().created("bochum", "Orgelstunde", at(thursday()), "FREQ=WEEKLY;BYDAY=TH;COUNT=3");
        String reading = api().created("bochum", "Lesung im Kunstmuseum", at(thursday().plusDays(1)), null);
        editor.submit(editor.page(LIST + "/" + reading, 200), ".desk-cancel", Map.of());

        Document list = editor.page(LIST, 200);

        assertThat(list.select("tr[data-event=" + series + "] .event-status").eachText())
                .containsExactly("geplant", "geplant", "geplant");
        assertThat(list.select("tr[data-event=" + reading + "] .event-status").text()).isEqualTo("abgesagt");
        assertThat(list.select("tr[data-event=" + reading + "] a").attr("href")).isEqualTo(LIST + "/" + reading);
        assertThat(list.select("tr[data-event=" + series + "] time").first().attr("datetime"))
                .isEqualTo(at(thursday()).toString());
    }

    @Test
    void the_list_starts_today_for_a_season_and_a_date_range_is_kept_across_its_pages() {
        DeskBrowser editor = signIn("redaktion-herne", List.of("herne"));
        String herne = "/redaktion/herne/veranstaltungen";
        LocalDate today = LocalDate.now(WeeklyRecurrence.CITY_TIME);
        LocalDate first = thursday().toLocalDate();
        String daily = api().created("herne", "Sommerkino", at(thursday()), "FREQ=DAILY;COUNT=150");

        Document season = editor.page(herne, 200);
        assertThat(season.select("#von").val()).isEqualTo(today.toString());
        assertThat(season.select("#bis").val()).isEqualTo(today.plusDays(92).toString());
        assertThat(season.select("form.desk-filter").attr("method")).isEqualTo("get");
        assertThat(season.select("label[for=von]").text()).isEqualTo("von (Tag)");

        String range = "?von=" + first + "&bis=" + first.plusDays(199);
        Document page = editor.page(herne + range, 200);
        assertThat(page.select("tr[data-event=" + daily + "]")).hasSize(100);
        String more = page.select("a:contains(Weitere)").attr("href");
        assertThat(more).isEqualTo(herne + range + "&cursor=100");
        Document second = editor.page(more, 200);
        assertThat(second.select("tr[data-event=" + daily + "]")).hasSize(50);
        assertThat(second.select("tr time").last().attr("datetime"))
                .isEqualTo(at(thursday().plusDays(149)).toString());
        assertThat(second.select("#von").val()).isEqualTo(first.toString());
        assertThat(second.select("#bis").val()).isEqualTo(first.plusDays(199).toString());
        assertThat(second.select("caption").text())
                .isEqualTo("Termine vom " + german(first) + " bis " + german(first.plusDays(199)));

        LocalDate oneDay = first.plusDays(10);
        Document single = editor.page(herne + "?von=" + oneDay + "&bis=" + oneDay, 200);
        assertThat(single.select("tr time").eachAttr("datetime"))
                .containsExactly(at(oneDay.atTime(thursday().toLocalTime())).toString());
        assertThat(single.select("a:contains(Weitere)")).isEmpty();
    }

    @Test
    void a_date_range_the_desk_or_the_api_refuses_is_explained_next_to_its_field_in_german_and_in_english() {
        DeskBrowser editor = signIn("redaktion-herne", List.of("herne"));
        String herne = "/redaktion/herne/veranstaltungen";
        LocalDate today = LocalDate.now(WeeklyRecurrence.CITY_TIME);
        record Case(String query, String field, String german, String english) {
        }
        List<Case> cases = List.of(
                new Case("?von=morgen", "von", "„morgen“ ist kein Datum (JJJJ-MM-TT)",
                        "\"morgen\" is not a date (YYYY-MM-DD)"),
                new Case("?von=" + today + "&bis=" + today.minusDays(1), "bis", "liegt vor dem ersten Tag",
                        "is before the first day"),
                new Case("?von=" + today + "&bis=" + today.plusDays(400), "bis",
                        "darf höchstens 400 Tage nach dem ersten Tag liegen", "must be at most 400 days after from"));

        for (Case refusal : cases) {
            for (String language : List.of("de", "en")) {
                editor.language = language;
                Document page = editor.page(herne + refusal.query(), 400);

                assertThat(page.select("#" + refusal.field() + "-error").text()).as(refusal.query() + " " + language)
                        .isEqualTo(language.equals("de") ? refusal.german() : refusal.english());
                assertThat(page.select("#" + refusal.field()).attr("aria-describedby"))
                        .isEqualTo(refusal.field() + "-error");
                assertThat(page.select("table")).isEmpty();
            }
        }
    }

    private static String german(LocalDate day) {
        return day.format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy"));
    }

    @Test
    void an_event_is_edited_in_the_form_it_was_made_in_and_keeps_what_the_form_does_not_show() {
        DeskBrowser editor = signIn("redaktion-bochum", List.of("bochum"));
        LocalDateTime first = thursday();
        String rule = new WeeklyRecurrence(Set.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY), 2, null, 6, List.of())
                .rrule();
        String id = api().created("bochum", "Kammermusik", at(first), rule);

        Document page = editor.page(LIST + "/" + id, 200);
        assertThat(page.select("#title").val()).isEqualTo("Kammermusik");
        assertThat(page.select("#start").val()).isEqualTo(first.toString());
        assertThat(page.select("input[name=tage][checked]").eachAttr("value")).containsExactly("TUESDAY", "THURSDAY");
        assertThat(page.select("#wochen").val()).isEqualTo("2");
        assertThat(page.select("#anzahl").val()).isEqualTo("6");
        assertThat(page.select(".desk-status strong").text()).isEqualTo("geplant");

        LocalDate skipped = first.plusWeeks(2).toLocalDate();
        EntityExchangeResult<String> saved = editor.submit(page, "form.desk-form",
                Map.of("title", "Kammermusik am Abend", "ausser", skipped.toString()));

        assertThat(saved.getResponseHeaders().getLocation()).hasToString(LIST + "?geaendert=" + id);
        ObjectNode event = api().event(id);
        assertThat(event.get("title").asString()).isEqualTo("Kammermusik am Abend");
        assertThat(event.get("version").asLong()).isEqualTo(2);
        assertThat(event.get("recurrence").get("rrule").asString()).isEqualTo(rule);
        assertThat(OffsetDateTime.parse(event.get("recurrence").get("exdates").get(0).asString()))
                .isEqualTo(at(skipped.atTime(first.toLocalTime())));
        assertThat(event.get("ticketUrl").asString()).startsWith("https://tickets.example/");
        assertThat(event.get("price").get("min").asDouble()).isEqualTo(12.0);
        assertThat(lastWrite("PUT", "/api/events/" + id).ifMatch()).isEqualTo("\"1\"");
        assertThat(editor.page(LIST + "?geaendert=" + id, 200).select("tr.changed a").eachText())
                .allMatch("Kammermusik am Abend"::equals).isNotEmpty();
    }

    @Test
    void price_tickets_tags_and_a_picture_of_the_library_are_edited_in_the_form_and_shown_again() {
        DeskBrowser editor = signIn("redaktion-bochum", List.of("bochum"));
        String id = api().created("bochum", "Orgelkonzert", at(thursday()), null);
        String picture = editor.upload(editor.page("/redaktion/bochum/medien", 200), TestImages.png(64, 48),
                "image/png", Map.of("alt", "Die Orgel im Großen Saal")).getResponseHeaders().getLocation().toString()
                .replaceFirst(".*hochgeladen=", "");

        Document page = editor.page(LIST + "/" + id, 200);
        assertThat(page.select("#priceMin").val()).isEqualTo("12");
        assertThat(page.select("#priceMax").val()).isEqualTo("39");
        assertThat(page.select("#ticketUrl").val()).startsWith("https://tickets.example/");
        assertThat(page.select("#free").hasAttr("checked")).isFalse();
        assertThat(page.select("#imageMediaId option").eachAttr("value")).contains(picture);

        EntityExchangeResult<String> saved = editor.submit(page, "form.desk-form", Map.of("priceMin", "9,50",
                "priceMax", "19", "ticketUrl", "https://karten.example/orgel", "tags", "orgel, klassik ,",
                "imageMediaId", picture));

        assertThat(saved.getResponseHeaders().getLocation()).hasToString(LIST + "?geaendert=" + id);
        ObjectNode event = api().event(id);
        assertThat(event.get("price").get("min").asDouble()).isEqualTo(9.5);
        assertThat(event.get("price").get("max").asDouble()).isEqualTo(19.0);
        assertThat(event.get("price").get("currency").asString()).isEqualTo("EUR");
        assertThat(event.get("ticketUrl").asString()).isEqualTo("https://karten.example/orgel");
        assertThat(event.get("tags").toString()).isEqualTo("[\"orgel\",\"klassik\"]");
        assertThat(event.get("image").get("url").asString()).contains("/api/media/" + picture + "/").endsWith(".jpg");
        assertThat(event.get("image").get("alt").asString()).as("the library's alt text")
                .isEqualTo("Die Orgel im Großen Saal");
        Document again = editor.page(LIST + "/" + id, 200);
        assertThat(again.select("#imageMediaId option[selected]").val()).isEqualTo(picture);
        assertThat(again.select("#tags").val()).isEqualTo("orgel, klassik");
        assertThat(again.select("#priceMin").val()).isEqualTo("9.5");

        editor.submit(again, "form.desk-form", Map.of("free", "1", "priceMin", "", "priceMax", "", "imageMediaId", ""));
        ObjectNode free = api().event(id);
        assertThat(free.get("price").get("free").asBoolean()).isTrue();
        assertThat(free.path("image").isNull() || free.path("image").isMissingNode()).as("no picture any more").isTrue();
    }

    @Test
    void an_alt_text_changed_later_in_the_library_is_pointed_out_in_the_event_form_and_taken_when_saved() {
        DeskBrowser editor = signIn("redaktion-bochum", List.of("bochum"));
        String id = api().created("bochum", "Orgelnacht", at(thursday()), null);
        String picture = editor.upload(editor.page("/redaktion/bochum/medien", 200), TestImages.png(56, 42),
                "image/png", Map.of("alt", "Die Orgel bei Nacht")).getResponseHeaders().getLocation().toString()
                .replaceFirst(".*hochgeladen=", "");
        editor.submit(editor.page(LIST + "/" + id, 200), "form.desk-form", Map.of("imageMediaId", picture));
        assertThat(editor.page(LIST + "/" + id, 200).select(".alt-changed")).isEmpty();

        editor.submit(editor.page("/redaktion/bochum/medien/" + picture, 200), "form.desk-describe",
                Map.of("alt", "Die Orgel bei Nacht, von der Empore aus"));
        Document page = editor.page(LIST + "/" + id, 200);

        assertThat(api().event(id).get("image").get("alt").asString()).as("the event's copy")
                .isEqualTo("Die Orgel bei Nacht");
        assertThat(page.select(".alt-changed").text()).isEqualTo("Der Alternativtext dieses Bildes wurde in der"
                + " Bibliothek geändert. Die Veranstaltung zeigt noch „Die Orgel bei Nacht“; Speichern übernimmt"
                + " „Die Orgel bei Nacht, von der Empore aus“.");
        editor.submit(page, "form.desk-form", Map.of());
        assertThat(api().event(id).get("image").get("alt").asString())
                .isEqualTo("Die Orgel bei Nacht, von der Empore aus");
        assertThat(editor.page(LIST + "/" + id, 200).select(".alt-changed")).isEmpty();
    }

    @Test
    void a_price_or_ticket_page_refused_is_explained_next_to_its_field_in_german_and_in_english() {
        DeskBrowser editor = signIn("redaktion-bochum", List.of("bochum"));
        String id = api().created("bochum", "Kinderkonzert", at(thursday()), null);

        for (String language : List.of("de", "en")) {
            editor.language = language;
            boolean german = language.equals("de");
            EntityExchangeResult<String> unreadable = editor.submit(editor.page(LIST + "/" + id, 200), "form.desk-form",
                    Map.of("priceMax", "zwölf Euro"));
            Document desk = Jsoup.parse(unreadable.getResponseBody());
            assertThat(unreadable.getStatus().value()).isEqualTo(400);
            assertThat(desk.select("#priceMax-error").text()).isEqualTo(german ? "muss ein Betrag sein, z. B. 12,50"
                    : "must be an amount, e.g. 12.50");

            EntityExchangeResult<String> refused = editor.submit(editor.page(LIST + "/" + id, 200), "form.desk-form",
                    Map.of("priceMin", "-5", "ticketUrl", "ftp://karten.example/kinder"));
            Document page = Jsoup.parse(refused.getResponseBody());
            assertThat(refused.getStatus().value()).isEqualTo(400);
            assertThat(page.select("#priceMin-error").text()).isEqualTo(german ? "darf nicht negativ sein"
                    : "must not be negative");
            assertThat(page.select("#ticketUrl-error").text()).isEqualTo(german
                    ? "muss eine vollständige http(s)-Adresse sein" : "must be an absolute http or https URL");
            assertThat(page.select("#priceMin").attr("aria-describedby")).isEqualTo("priceMin-error");
            assertThat(page.select("#ticketUrl").val()).as("the editor's answer kept").isEqualTo("ftp://karten.example/kinder");
        }
        assertThat(api().event(id).get("version").asLong()).as("nothing changed").isEqualTo(1);
    }

    @Test
    void an_edit_that_lost_a_race_keeps_the_editors_answers_shows_the_saved_version_and_saves_when_sent_again() {
        DeskBrowser editor = signIn("redaktion-bochum", List.of("bochum"));
        String id = api().created("bochum", "Jazz im Foyer", at(thursday()), null);
        Document opened = editor.page(LIST + "/" + id, 200);
        api().changedMeanwhile(id, "Jazz im Foyer mit Gästen");

        EntityExchangeResult<String> lost = editor.submit(opened, "form.desk-form",
                Map.of("title", "Jazz im Großen Saal"));
        Document page = Jsoup.parse(lost.getResponseBody());

        assertThat(lost.getStatus().value()).isEqualTo(409);
        assertThat(page.select(".conflict").text()).contains("Ihre Angaben stehen unverändert im Formular");
        assertThat(page.select("#title").val()).isEqualTo("Jazz im Großen Saal");
        assertThat(page.select(".theirs h3").text()).isEqualTo("Jazz im Foyer mit Gästen");
        assertThat(page.select("form.desk-form input[name=etag]").val()).isEqualTo("\"2\"");
        assertThat(api().event(id).get("title").asString()).isEqualTo("Jazz im Foyer mit Gästen");

        editor.submit(page, "form.desk-form", Map.of());
        assertThat(api().event(id).get("title").asString()).isEqualTo("Jazz im Großen Saal");
    }

    @Test
    void each_step_of_an_events_life_is_a_small_form_and_its_result_shows_in_the_list() {
        DeskBrowser editor = signIn("redaktion-bochum", List.of("bochum"));
        LocalDateTime first = thursday();
        String cancelled = api().created("bochum", "Abgesagtes Konzert", at(first), null);
        String postponed = api().created("bochum", "Verschobenes Konzert", at(first.plusHours(1)), null);
        String soldOut = api().created("bochum", "Ausverkauftes Konzert", at(first.plusHours(2)), null);
        String moved = api().created("bochum", "Verlegtes Konzert", at(first.plusHours(3)), null);

        Map<String, String> steps = Map.of(cancelled, ".desk-cancel", postponed, ".desk-postpone", soldOut,
                ".desk-sold-out");
        steps.forEach((id, form) -> assertThat(editor.submit(editor.page(LIST + "/" + id, 200), form, Map.of())
                .getResponseHeaders().getLocation()).hasToString(LIST + "?geaendert=" + id));
        LocalDateTime later = first.plusDays(10).withHour(20).withMinute(0);
        editor.submit(editor.page(LIST + "/" + moved, 200), ".desk-reschedule", Map.of("beginn", later.toString()));

        Document list = editor.page(LIST, 200);
        assertThat(list.select("tr[data-event=" + cancelled + "] .event-status").text()).isEqualTo("abgesagt");
        assertThat(list.select("tr[data-event=" + postponed + "] .event-status").text())
                .isEqualTo("verschoben (neuer Termin offen)");
        assertThat(list.select("tr[data-event=" + soldOut + "] .event-status").text()).isEqualTo("ausverkauft");
        Element movedRow = list.select("tr[data-event=" + moved + "]").first();
        assertThat(movedRow.select(".event-status").text()).isEqualTo("verlegt");
        assertThat(movedRow.select("time").attr("datetime")).isEqualTo(at(later).toString());
        assertThat(lastWrite("POST", "/api/events/" + cancelled + "/cancellation").ifMatch()).isEqualTo("\"1\"");
        assertThat(editor.page(LIST + "/" + moved, 200).select(".desk-status small").text())
                .isEqualTo("vorher am " + at(first.plusHours(3)).format(java.time.format.DateTimeFormatter
                        .ofPattern("dd.MM.yyyy HH:mm")));
    }

    @Test
    void a_step_the_status_does_not_allow_is_shown_above_the_steps_and_changes_nothing() {
        DeskBrowser editor = signIn("redaktion-bochum", List.of("bochum"));
        String id = api().created("bochum", "Konzert ohne Publikum", at(thursday()), null);
        editor.submit(editor.page(LIST + "/" + id, 200), ".desk-cancel", Map.of());

        EntityExchangeResult<String> refused = editor.submit(editor.page(LIST + "/" + id, 200), ".desk-sold-out",
                Map.of());
        Document page = Jsoup.parse(refused.getResponseBody());

        assertThat(refused.getStatus().value()).isEqualTo(409);
        assertThat(page.select(".desk-steps .refusal").text()).startsWith("Die Plattform hat diesen Schritt nicht angenommen.")
                .contains("A cancelled event cannot be sold out");
        assertThat(page.select(".desk-status strong").text()).isEqualTo("abgesagt");
        assertThat(api().event(id).get("status").asString()).isEqualTo("cancelled");
    }

    @Test
    void a_step_taken_on_a_page_out_of_date_is_refused_and_shows_the_event_as_it_is_now() {
        DeskBrowser editor = signIn("redaktion-bochum", List.of("bochum"));
        String id = api().created("bochum", "Kinderkonzert", at(thursday()), null);
        Document opened = editor.page(LIST + "/" + id, 200);
        api().changedMeanwhile(id, "Kinderkonzert am Vormittag");

        EntityExchangeResult<String> stale = editor.submit(opened, ".desk-cancel", Map.of());
        Document page = Jsoup.parse(stale.getResponseBody());

        assertThat(stale.getStatus().value()).isEqualTo(409);
        assertThat(page.select(".conflict").text()).startsWith("Die Veranstaltung wurde inzwischen geändert");
        assertThat(page.select("#title").val()).isEqualTo("Kinderkonzert am Vormittag");
        assertThat(page.select(".desk-cancel input[name=etag]").val()).isEqualTo("\"2\"");
        assertThat(api().event(id).get("status").asString()).isEqualTo("scheduled");
    }

    @Test
    void a_new_date_without_a_start_is_refused_next_to_it_in_german_and_in_english_and_nothing_is_sent() {
        DeskBrowser editor = signIn("redaktion-bochum", List.of("bochum"));
        String id = api().created("bochum", "Sommerkonzert", at(thursday()), null);
        long sent = PLATFORM.seen().stream().filter(seen -> seen.path().endsWith("/rescheduling")).count();

        Document german = Jsoup.parse(editor.submit(editor.page(LIST + "/" + id, 200), ".desk-reschedule",
                Map.of("beginn", "")).getResponseBody());
        editor.language = "en";
        Document english = Jsoup.parse(editor.submit(editor.page(LIST + "/" + id, 200), ".desk-reschedule",
                Map.of("beginn", "morgen")).getResponseBody());

        assertThat(german.select("#neu-beginn-error").text()).isEqualTo("darf nicht leer sein");
        assertThat(german.select("#neu-beginn").attr("aria-describedby")).isEqualTo("neu-beginn-error");
        assertThat(english.select("#neu-beginn-error").text()).isEqualTo("must be a date and time");
        assertThat(PLATFORM.seen().stream().filter(seen -> seen.path().endsWith("/rescheduling")).count())
                .isEqualTo(sent);
    }

    @Test
    void one_date_of_a_weekly_series_is_left_out_and_is_gone_from_the_list() {
        DeskBrowser editor = signIn("redaktion-bochum", List.of("bochum"));
        String id = api().created("bochum", "Offenes Singen", at(thursday()), "FREQ=WEEKLY;BYDAY=TH;COUNT=4");
        Document page = editor.page(LIST + "/" + id, 200);
        List<String> dates = page.select("#termin option").eachAttr("value");
        assertThat(dates).hasSize(4);

        EntityExchangeResult<String> left = editor.submit(page, ".desk-leave-out", Map.of("termin", dates.get(1)));

        assertThat(left.getResponseHeaders().getLocation()).hasToString(LIST + "?geaendert=" + id);
        List<OffsetDateTime> listed = editor.page(LIST, 200).select("tr[data-event=" + id + "] time").eachAttr("datetime")
                .stream().map(OffsetDateTime::parse).toList();
        assertThat(listed).hasSize(3).noneMatch(start -> start.isEqual(OffsetDateTime.parse(dates.get(1))));
        assertThat(api().event(id).get("status").asString()).isEqualTo("scheduled");
        assertThat(lastWrite("PUT", "/api/events/" + id).ifMatch()).isEqualTo("\"1\"");
    }

    @Test
    void each_refusal_of_the_recurrence_form_is_shown_next_to_its_field_in_german_and_in_english() {
        DeskBrowser editor = signIn("redaktion-bochum", List.of("bochum"));
        LocalDate first = thursday().toLocalDate();
        String friday = first.plusDays(1).toString();
        record Case(String field, Map<String, List<String>> answers, String german, String english) {
        }
        List<Case> cases = List.of(
                new Case("tage", Map.of("tage", List.of()), "mindestens einen Wochentag wählen",
                        "choose at least one day of the week"),
                new Case("tage", Map.of("tage", List.of("MONDAY")), "der Beginn (" + first + ") liegt an keinem der"
                        + " gewählten Tage", "the start (" + first + ") is on none of the chosen days"),
                new Case("wochen", Map.of("wochen", List.of("0")), "zwischen 1 und 52", "between 1 and 52"),
                new Case("wochen", Map.of("wochen", List.of("zwei")), "muss eine Zahl sein", "must be a number"),
                new Case("ende", Map.of("bis", List.of(first.plusWeeks(3).toString())),
                        "entweder ein Enddatum oder eine Anzahl, nicht beides",
                        "either an end date or a number of times, not both"),
                new Case("bis", Map.of("bis", List.of(first.minusDays(7).toString()), "anzahl", List.of("")),
                        "liegt vor dem ersten Termin", "is before the first date"),
                new Case("anzahl", Map.of("anzahl", List.of("0")), "zwischen 1 und 1.000", "between 1 and 1,000"),
                new Case("ausser", Map.of("ausser", List.of(friday)), friday + " ist kein Termin dieser Reihe",
                        friday + " is not a date of this series"),
                new Case("ausser", Map.of("ausser", List.of("Ostern")), "„Ostern“ ist kein Datum (JJJJ-MM-TT)",
                        "\"Ostern\" is not a date (YYYY-MM-DD)"),
                new Case("start", Map.of("start", List.of("")), "darf nicht leer sein", "must not be blank"));
        long sent = PLATFORM.seen().stream().filter(seen -> seen.path().equals("/api/events")).count();

        for (Case refusal : cases) {
            for (String language : List.of("de", "en")) {
                editor.language = language;
                MultiValueMap<String, String> fields = weekly(editor.page(LIST + "/neu", 200), first);
                fields.putAll(refusal.answers());
                EntityExchangeResult<String> answer = editor.post(LIST, fields);
                Document page = Jsoup.parse(answer.getResponseBody());

                assertThat(answer.getStatus().value()).as(refusal.field()).isEqualTo(400);
                assertThat(page.select("#" + refusal.field() + "-error").text()).as(refusal.field() + " " + language)
                        .isEqualTo(language.equals("de") ? refusal.german() : refusal.english());
                assertThat(page.select("#title").val()).isEqualTo("Wochenkonzert");
            }
        }
        assertThat(PLATFORM.seen().stream().filter(seen -> seen.path().equals("/api/events")).count()).isEqualTo(sent);
    }

    @Test
    void a_field_the_api_refuses_is_explained_next_to_it_in_german_and_in_english() {
        DeskBrowser editor = signIn("redaktion-bochum", List.of("bochum"));
        LocalDate first = thursday().toLocalDate();

        for (String language : List.of("de", "en")) {
            editor.language = language;
            MultiValueMap<String, String> fields = weekly(editor.page(LIST + "/neu", 200), first);
            fields.set("title", " ");
            fields.set("end", first.atTime(18, 0).toString());
            Document page = Jsoup.parse(editor.post(LIST, fields).getResponseBody());

            assertThat(page.select("#title-error").text()).isEqualTo(language.equals("de") ? "darf nicht leer sein"
                    : "must not be blank");
            assertThat(page.select("#end-error").text()).isEqualTo(language.equals("de") ? "muss nach dem Beginn liegen"
                    : "must be after start");
            assertThat(page.select("#end").attr("aria-describedby")).isEqualTo("end-error");
            assertThat(page.select("#anzahl").val()).isEqualTo("4");
        }
    }

    @Test
    void language_accessibility_and_all_day_are_set_when_created_read_back_and_changed_in_the_form() {
        DeskBrowser editor = signIn("redaktion-bochum", List.of("bochum"));
        LocalDate first = thursday().toLocalDate();
        Document blank = editor.page(LIST + "/neu", 200);
        assertThat(blank.select("#language").val()).as("German unless the editor says otherwise").isEqualTo("de");
        assertThat(blank.select("#allDay").hasAttr("checked")).isFalse();

        MultiValueMap<String, String> fields = DeskBrowser.form(blank, "form.desk-form", Map.of("title",
                "Museumsfest", "category", "konzert", "venueId", FakeEventsApi.MUSIKFORUM, "start",
                first.atTime(10, 0).toString(), "language", "en", "accessibility", "wheelchair, hearing-loop, ",
                "allDay", "1"));
        String id = editor.post(LIST, fields).getResponseHeaders().getLocation().toString()
                .replaceFirst(".*angelegt=", "");

        ObjectNode created = api().event(id);
        assertThat(created.get("language").asString()).isEqualTo("en");
        assertThat(created.get("accessibility").toString()).isEqualTo("[\"wheelchair\",\"hearing-loop\"]");
        assertThat(created.get("allDay").asBoolean()).isTrue();
        Document page = editor.page(LIST + "/" + id, 200);
        assertThat(page.select("#language").val()).isEqualTo("en");
        assertThat(page.select("#accessibility").val()).isEqualTo("wheelchair, hearing-loop");
        assertThat(page.select("#allDay").hasAttr("checked")).isTrue();
        assertThat(page.select("label:has(#allDay)").text()).isEqualTo("ganztägig");

        editor.submit(page, "form.desk-form", Map.of("language", "tr", "accessibility", "", "allDay", ""));

        ObjectNode changed = api().event(id);
        assertThat(changed.get("language").asString()).isEqualTo("tr");
        assertThat(changed.get("accessibility")).isEmpty();
        assertThat(changed.get("allDay").asBoolean()).isFalse();
        Document again = editor.page(LIST + "/" + id, 200);
        assertThat(again.select("#language").val()).isEqualTo("tr");
        assertThat(again.select("#allDay").hasAttr("checked")).isFalse();
    }

    @Test
    void a_language_the_api_refuses_is_explained_next_to_its_field_in_german_and_in_english() {
        DeskBrowser editor = signIn("redaktion-bochum", List.of("bochum"));
        String id = api().created("bochum", "Poetry Slam", at(thursday()), null);

        for (String language : List.of("de", "en")) {
            editor.language = language;
            EntityExchangeResult<String> refused = editor.submit(editor.page(LIST + "/" + id, 200), "form.desk-form",
                    Map.of("language", "Deutsch", "accessibility", "wheelchair"));
            Document page = Jsoup.parse(refused.getResponseBody());

            assertThat(refused.getStatus().value()).isEqualTo(400);
            assertThat(page.select("#language-error").text()).isEqualTo(language.equals("de")
                    ? "muss ein Sprachkürzel aus zwei Kleinbuchstaben sein, z. B. „de“"
                    : "must be a two-letter code like 'de'");
            assertThat(page.select("#language").attr("aria-describedby")).isEqualTo("language-error");
            assertThat(page.select("#language").val()).as("the editor's answer kept").isEqualTo("Deutsch");
            assertThat(page.select("#accessibility").val()).isEqualTo("wheelchair");
        }
        assertThat(api().event(id).get("version").asLong()).as("nothing changed").isEqualTo(1);
    }

    @Test
    void an_editor_of_dortmund_is_refused_bochums_events_and_nothing_changes() {
        String id = api().created("bochum", "Bochumer Sinfonie", at(thursday()), null);
        DeskBrowser dortmund = signIn("redaktion-dortmund", List.of("dortmund"));

        Document list = dortmund.page(LIST, 403);
        Document edit = dortmund.page(LIST + "/" + id, 403);
        String csrf = dortmund.page("/redaktion", 200).select(".sign-out input[name=_csrf]").val();
        MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
        fields.add("_csrf", csrf);
        EntityExchangeResult<String> cancel = dortmund.post(LIST + "/" + id + "/absage", fields);
        fields.add("title", "Dortmunder Sinfonie");
        fields.add("start", thursday().toString());
        fields.add("category", "konzert");
        fields.add("venueId", FakeEventsApi.MUSIKFORUM);
        fields.add("etag", "\"1\"");
        EntityExchangeResult<String> save = dortmund.post(LIST + "/" + id, fields);

        assertThat(list.select(".refusal").text()).isEqualTo(REFUSED);
        assertThat(list.select("table")).isEmpty();
        assertThat(edit.select(".refusal").text()).isEqualTo(REFUSED);
        assertThat(cancel.getStatus().value()).isEqualTo(403);
        assertThat(Jsoup.parse(cancel.getResponseBody()).select(".refusal").text()).isEqualTo(REFUSED);
        assertThat(save.getStatus().value()).isEqualTo(403);
        assertThat(Jsoup.parse(save.getResponseBody()).select(".refusal").text()).isEqualTo(REFUSED);
        ObjectNode event = api().event(id);
        assertThat(event.get("status").asString()).isEqualTo("scheduled");
        assertThat(event.get("title").asString()).isEqualTo("Bochumer Sinfonie");
        assertThat(event.get("version").asLong()).isEqualTo(1);
    }

    /** A weekly concert on Thursdays from {@code first}, four times: answers the form accepts. */
    private static MultiValueMap<String, String> weekly(Document page, LocalDate first) {
        MultiValueMap<String, String> fields = DeskBrowser.form(page, "form.desk-form", Map.of("title", "Wochenkonzert",
                "category", "konzert", "venueId", FakeEventsApi.MUSIKFORUM, "start", first.atTime(19, 30).toString(),
                "end", first.atTime(21, 30).toString(), "wiederholen", "1", "wochen", "1", "anzahl", "4"));
        fields.put("tage", List.of("THURSDAY"));
        return fields;
    }

    private static FakeDeskPlatform.Seen lastWrite(String method, String path) {
        List<FakeDeskPlatform.Seen> writes = PLATFORM.seen().stream()
                .filter(seen -> seen.method().equals(method) && seen.path().equals(path)).toList();
        assertThat(writes).as(method + " " + path).isNotEmpty();
        return writes.get(writes.size() - 1);
    }

    @Test
    void a_programme_file_becomes_events_at_a_venue_once_and_a_refused_file_names_its_entry() {
        DeskBrowser editor = signIn("redaktion-bochum", List.of("bochum"));
        Document list = editor.page(LIST, 200);
        assertThat(list.select("a[href=" + LIST + "/import]").text()).isEqualTo("Programm importieren");
        Document form = editor.page(LIST + "/import", 200);
        assertThat(form.select("#venueId option").eachAttr("value")).contains(FakeEventsApi.MUSIKFORUM);
        assertThat(form.select("label[for=file]").text()).isEqualTo("iCalendar-Datei");
        String calendar = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n" + vevent("kammer@forum", "Kammerkonzert")
                + vevent("orgel@forum", "Orgelstunde") + "END:VCALENDAR\r\n";

        Document first = Jsoup.parse(editor.upload(form, calendar.getBytes(StandardCharsets.UTF_8), "text/calendar",
                Map.of("venueId", FakeEventsApi.MUSIKFORUM, "category", "konzert")).getResponseBody());

        assertThat(first.select(".desk-imported p").text())
                .isEqualTo("2 Termine angelegt, 0 schon früher importiert und unverändert.");
        assertThat(first.select(".desk-imported li a").eachText()).containsExactly("Kammerkonzert", "Orgelstunde");
        FakeDeskPlatform.Seen sent = PLATFORM.seen().stream()
                .filter(seen -> seen.path().startsWith("/api/events/import")).reduce((a, b) -> b).orElseThrow();
        assertThat(sent.path()).contains("city=bochum", "venueId=" + FakeEventsApi.MUSIKFORUM, "category=konzert");
        assertThat(sent.body()).isEqualTo(calendar);

        Document again = Jsoup.parse(editor.upload(editor.page(LIST + "/import", 200),
                calendar.getBytes(StandardCharsets.UTF_8), "text/calendar",
                Map.of("venueId", FakeEventsApi.MUSIKFORUM)).getResponseBody());
        assertThat(again.select(".desk-imported p").text())
                .isEqualTo("0 Termine angelegt, 2 schon früher importiert und unverändert.");

        EntityExchangeResult<String> refused = editor.upload(editor.page(LIST + "/import", 200),
                (calendar.replace("END:VCALENDAR", "") + vevent("lied@forum", "Liederabend")
                        .replace("END:VEVENT", "STATUS:CANCELLED\r\nEND:VEVENT") + "END:VCALENDAR\r\n")
                        .getBytes(StandardCharsets.UTF_8), "text/calendar", Map.of("venueId", FakeEventsApi.MUSIKFORUM));
        Document page = Jsoup.parse(refused.getResponseBody());
        assertThat(refused.getStatus().value()).isEqualTo(400);
        assertThat(page.select(".refusal").text()).contains("Nicht importiert, es wurde nichts angelegt.")
                .contains("Termin 3 (Status): ist abgesagt (CANCELLED): bitte aus der Datei entfernen");

        EntityExchangeResult<String> withoutFile = editor.uploadNothing(editor.page(LIST + "/import", 200),
                Map.of("venueId", ""));
        Document empty = Jsoup.parse(withoutFile.getResponseBody());
        assertThat(withoutFile.getStatus().value()).isEqualTo(400);
        assertThat(empty.select("#file-error").text()).isEqualTo("muss angegeben werden");
        assertThat(empty.select("#venueId-error").text()).isEqualTo("muss angegeben werden");
    }

    @Test
    void an_editor_of_another_city_cannot_open_its_import() {
        DeskBrowser editor = signIn("redaktion-herne", List.of("herne"));

        assertThat(editor.page(LIST + "/import", 403).select("main").text()).contains(REFUSED);
    }

    private static String vevent(String uid, String title) {
        return "BEGIN:VEVENT\r\nUID:" + uid + "\r\nSUMMARY:" + title + "\r\nDTSTART;TZID=Europe/Berlin:"
                + thursday().format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")) + "\r\nEND:VEVENT\r\n";
    }

}
