package de.stadtportal.portal.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import tools.jackson.databind.node.ObjectNode;

/**
 * An editor's venues at the desk, against the stand-in events API: listed by name, created and edited
 * with address, coordinates and accessibility, refusals by field in both languages, the lost race,
 * and an editor of another city refused with nothing written.
 */
class DeskVenuesIT extends DeskWithFakePlatform {

    static final String VENUES = "/redaktion/bochum/orte";

    @Test
    void an_editor_creates_a_venue_with_address_coordinates_and_accessibility_and_edits_it() {
        DeskBrowser editor = signIn("redaktion-bochum", List.of("bochum"));
        assertThat(editor.page(VENUES, 200).select(".desk-venues a").eachText()).contains("Musikforum Ruhr");

        EntityExchangeResult<String> created = editor.submit(editor.page(VENUES + "/neu", 200), "form.desk-form",
                Map.of("name", "Zeche Bochum", "street", "Prinz-Regent-Straße 50", "postalCode", "44795",
                        "locality", "Bochum", "lat", "51,4563", "lon", "7,2431", "accessibility", "wheelchair, hearing-loop",
                        "url", "https://www.zeche.com"));

        String location = created.getResponseHeaders().getLocation().toString();
        assertThat(location).startsWith(VENUES + "?gespeichert=");
        String id = location.substring(location.indexOf('=') + 1);
        ObjectNode venue = api().venue(id);
        assertThat(venue.get("city").asString()).isEqualTo("bochum");
        assertThat(venue.get("address").get("street").asString()).isEqualTo("Prinz-Regent-Straße 50");
        assertThat(venue.get("geo").get("lat").asDouble()).isEqualTo(51.4563);
        assertThat(venue.get("geo").get("lon").asDouble()).isEqualTo(7.2431);
        assertThat(venue.get("accessibility").toString()).isEqualTo("[\"wheelchair\",\"hearing-loop\"]");
        Document list = editor.page(location, 200);
        assertThat(list.select(".saved").text()).isEqualTo("Gespeichert.");
        assertThat(list.select(".desk-venues li:contains(Zeche Bochum) small").eachText())
                .contains("Prinz-Regent-Straße 50, 44795 Bochum", "rollstuhlgerecht");

        Document edit = editor.page(VENUES + "/" + id, 200);
        assertThat(edit.select("#lat").val()).isEqualTo("51.4563");
        assertThat(edit.select("#accessibility").val()).isEqualTo("wheelchair, hearing-loop");
        editor.submit(edit, "form.desk-form", Map.of("name", "Zeche Bochum (Halle)", "accessibility", ""));

        assertThat(api().venue(id).get("name").asString()).isEqualTo("Zeche Bochum (Halle)");
        assertThat(api().venue(id).get("accessibility")).isEmpty();
        assertThat(api().venue(id).get("version").asLong()).isEqualTo(2);
        assertThat(PLATFORM.seen().stream().filter(seen -> seen.method().equals("PUT")
                && seen.path().equals("/api/venues/" + id)).map(FakeDeskPlatform.Seen::ifMatch)).containsExactly("\"1\"");
    }

    @Test
    void coordinates_that_are_none_and_a_field_the_api_refuses_are_explained_next_to_them_in_german_and_in_english() {
        DeskBrowser editor = signIn("redaktion-bochum", List.of("bochum"));
        long sent = PLATFORM.seen().stream().filter(seen -> seen.path().equals("/api/venues")
                && seen.method().equals("POST")).count();
        Map<String, String> badPlace = Map.of("name", "Irgendwo", "street", "Hauptstraße 1", "postalCode", "44787",
                "locality", "Bochum", "lat", "Bochum", "lon", "190");

        Document german = Jsoup.parse(editor.submit(editor.page(VENUES + "/neu", 200), "form.desk-form", badPlace)
                .getResponseBody());
        editor.language = "en";
        Document english = Jsoup.parse(editor.submit(editor.page(VENUES + "/neu", 200), "form.desk-form", badPlace)
                .getResponseBody());

        assertThat(german.select("#lat-error").text()).isEqualTo("muss eine Zahl sein");
        assertThat(german.select("#lon-error").text()).isEqualTo("zwischen -180 und 180 Grad");
        assertThat(english.select("#lat-error").text()).isEqualTo("must be a number");
        assertThat(english.select("#lon-error").text()).isEqualTo("between -180 and 180 degrees");
        assertThat(english.select("#name").val()).isEqualTo("Irgendwo");
        assertThat(PLATFORM.seen().stream().filter(seen -> seen.path().equals("/api/venues")
                && seen.method().equals("POST")).count()).isEqualTo(sent);

        Map<String, String> noPostalCode = Map.of("name", "Irgendwo", "street", "Hauptstraße 1", "postalCode", "",
                "locality", "Bochum", "lat", "51.48", "lon", "7.22");
        Document englishApi = Jsoup.parse(editor.submit(editor.page(VENUES + "/neu", 200), "form.desk-form",
                noPostalCode).getResponseBody());
        editor.language = "de";
        Document germanApi = Jsoup.parse(editor.submit(editor.page(VENUES + "/neu", 200), "form.desk-form",
                noPostalCode).getResponseBody());

        assertThat(germanApi.select("#postalCode-error").text()).isEqualTo("darf nicht leer sein");
        assertThat(germanApi.select("#postalCode").attr("aria-describedby")).isEqualTo("postalCode-error");
        assertThat(englishApi.select("#postalCode-error").text()).isEqualTo("must not be blank");
        assertThat(germanApi.select("#street").val()).isEqualTo("Hauptstraße 1");
    }

    @Test
    void a_venue_edit_that_lost_a_race_keeps_the_editors_answers_and_takes_the_newer_version() {
        DeskBrowser editor = signIn("redaktion-bochum", List.of("bochum"));
        String location = editor.submit(editor.page(VENUES + "/neu", 200), "form.desk-form", Map.of("name",
                "Kunstmuseum Bochum", "street", "Kortumstraße 147", "postalCode", "44787", "locality", "Bochum",
                "lat", "51.4776", "lon", "7.2213")).getResponseHeaders().getLocation().toString();
        String id = location.substring(location.indexOf('=') + 1);
        Document opened = editor.page(VENUES + "/" + id, 200);
        ObjectNode meanwhile = api().venue(id);
        meanwhile.put("name", "Kunstmuseum Bochum (KMB)").put("version", 2);

        EntityExchangeResult<String> lost = editor.submit(opened, "form.desk-form", Map.of("name", "Museum unter Tage"));
        Document page = Jsoup.parse(lost.getResponseBody());

        assertThat(lost.getStatus().value()).isEqualTo(409);
        assertThat(page.select(".conflict .theirs").text()).isEqualTo("Kunstmuseum Bochum (KMB)");
        assertThat(page.select("#name").val()).isEqualTo("Museum unter Tage");
        assertThat(page.select("input[name=etag]").val()).isEqualTo("\"2\"");
        editor.submit(page, "form.desk-form", Map.of());
        assertThat(api().venue(id).get("name").asString()).isEqualTo("Museum unter Tage");
    }

    @Test
    void an_editor_of_dortmund_is_refused_bochums_venues_and_nothing_is_written() {
        DeskBrowser dortmund = signIn("redaktion-dortmund", List.of("dortmund"));

        Document list = dortmund.page(VENUES, 403);
        Document musikforum = dortmund.page(VENUES + "/" + FakeEventsApi.MUSIKFORUM, 403);
        // Dortmund's own form sent to Bochum's address: the API decides, and refuses
        EntityExchangeResult<String> foreign = dortmund.post(VENUES, DeskBrowser.form(
                dortmund.page("/redaktion/dortmund/orte/neu", 200), "form.desk-form", Map.of("name", "Fremder Ort",
                        "street", "Westfalendamm 1", "postalCode", "44141", "locality", "Bochum", "lat", "51.5",
                        "lon", "7.47")));

        assertThat(list.select(".refusal").text()).isEqualTo(DeskEventsIT.REFUSED);
        assertThat(musikforum.select("form")).allMatch(form -> form.hasClass("sign-out"));
        assertThat(foreign.getStatus().value()).isEqualTo(403);
        assertThat(Jsoup.parse(foreign.getResponseBody()).select(".refusal").text()).isEqualTo(DeskEventsIT.REFUSED);
        assertThat(api().venue(FakeEventsApi.MUSIKFORUM).get("name").asString()).isEqualTo("Musikforum Ruhr");
    }

    @Test
    void a_venue_without_events_is_deleted_from_its_page_and_one_with_events_stays_and_the_page_says_why() {
        DeskBrowser editor = signIn("redaktion-bochum", List.of("bochum"));
        String location = editor.submit(editor.page(VENUES + "/neu", 200), "form.desk-form", Map.of("name",
                "Alte Lohnhalle", "street", "Wattenscheider Hellweg 1", "postalCode", "44866", "locality", "Bochum",
                "lat", "51,48", "lon", "7,13")).getResponseHeaders().getLocation().toString();
        String id = location.substring(location.indexOf('=') + 1);

        EntityExchangeResult<String> deleted = editor.submit(editor.page(VENUES + "/" + id, 200), "form.desk-delete",
                Map.of());

        assertThat(deleted.getResponseHeaders().getLocation()).hasToString(VENUES + "?geloescht");
        assertThat(api().venue(id)).isNull();
        assertThat(PLATFORM.seen().stream().filter(seen -> seen.method().equals("DELETE")
                && seen.path().equals("/api/venues/" + id)).map(FakeDeskPlatform.Seen::ifMatch)).containsExactly("\"1\"");
        Document list = editor.page(VENUES + "?geloescht", 200);
        assertThat(list.select(".saved").text()).isEqualTo("Der Ort ist gelöscht.");
        assertThat(list.select(".desk-venues a").eachText()).doesNotContain("Alte Lohnhalle");

        api().created("bochum", "Konzert im Musikforum", OffsetDateTime.now().plusDays(3), null);
        EntityExchangeResult<String> refused = editor.submit(editor.page(VENUES + "/" + FakeEventsApi.MUSIKFORUM, 200),
                "form.desk-delete", Map.of());

        assertThat(refused.getStatus().value()).isEqualTo(409);
        Document page = Jsoup.parse(refused.getResponseBody());
        assertThat(page.select(".desk-removal .refusal").text()).isEqualTo(
                "Der Ort hat noch Veranstaltungen und bleibt. Löschen oder verlegen Sie sie zuerst.");
        assertThat(page.select("#name").val()).isEqualTo("Musikforum Ruhr");
        assertThat(api().venue(FakeEventsApi.MUSIKFORUM)).isNotNull();
    }
}
