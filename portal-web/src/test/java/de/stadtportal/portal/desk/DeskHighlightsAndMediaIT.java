package de.stadtportal.portal.desk;

import static org.assertj.core.api.Assertions.assertThat;

import de.stadtportal.testing.data.TestImages;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * The desk's highlights and media library, signed in for real against the stand-in provider and
 * API: the carousel in its stored order (expired and future teasers kept) moved by plain forms,
 * validity windows refused by field in both languages, images uploaded with their alt text or
 * refused under the field concerned, and a library image picked for an article and a highlight.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DeskHighlightsAndMediaIT {

    static final FakeDeskPlatform PLATFORM = new FakeDeskPlatform();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void deskInFrontOfTheFakePlatform(DynamicPropertyRegistry properties) {
        properties.add("stadtportal.portal.api-url", PLATFORM::url);
        properties.add("stadtportal.portal.public-base-url", () -> EditorialDeskIT.BASE);
        properties.add("stadtportal.desk.issuer", PLATFORM::url);
        properties.add("stadtportal.desk.client-secret", () -> FakeDeskPlatform.SECRET);
    }

    @Test
    void the_carousel_is_shown_in_its_stored_order_with_future_and_expired_teasers_and_moved_down_by_a_form() {
        PLATFORM.library.stored("herne", "Vorbei", "url", "https://example.org/vorbei", null, "2020-01-01T00:00:00+01:00");
        PLATFORM.library.stored("herne", "Flottmann-Hallen", "url", "https://example.org/flottmann", null, null);
        PLATFORM.library.stored("herne", "Cranger Kirmes", "url", "https://example.org/kirmes",
                "2099-08-01T12:00:00+02:00", null);
        DeskBrowser editor = signIn("herne");

        Document list = editor.page("/redaktion/herne/highlights", 200);
        assertThat(list.select(".desk-highlights > li > a").eachText())
                .containsExactly("Vorbei", "Flottmann-Hallen", "Cranger Kirmes");
        assertThat(list.select(".desk-highlights .validity").eachText())
                .containsExactly("abgelaufen", "sichtbar", "noch nicht sichtbar");
        assertThat(list.select(".desk-highlights > li").first().select("form[action$='/hoch']")).isEmpty();

        EntityExchangeResult<String> moved = editor.submit(list, "form[action='/redaktion/herne/highlights/1/runter']",
                Map.of());

        assertThat(moved.getResponseHeaders().getLocation()).hasToString("/redaktion/herne/highlights?gespeichert");
        assertThat(titles("herne")).containsExactly("Flottmann-Hallen", "Vorbei", "Cranger Kirmes");
        FakeDeskPlatform.Seen put = last("PUT", "/api/cities/herne/highlights");
        assertThat(put.ifMatch()).isEqualTo("\"h3\"");
        assertThat(OffsetDateTime.parse(PLATFORM.library.highlights("herne").get(2).get("validFrom").asString()))
                .isAtSameInstantAs(OffsetDateTime.parse("2099-08-01T12:00:00+02:00"));
        assertThat(put.body()).contains("Cranger Kirmes", "Vorbei");
        assertThat(editor.page("/redaktion/herne/highlights?gespeichert", 200).select(".desk-highlights > li > a")
                .eachText()).containsExactly("Flottmann-Hallen", "Vorbei", "Cranger Kirmes");
    }

    @Test
    void a_move_on_a_carousel_changed_meanwhile_is_refused_and_shows_the_carousel_as_it_is_now() {
        PLATFORM.library.stored("essen", "Zollverein", "url", "https://example.org/zollverein", null, null);
        PLATFORM.library.stored("essen", "Grugapark", "url", "https://example.org/gruga", null, null);
        DeskBrowser editor = signIn("essen");
        Document list = editor.page("/redaktion/essen/highlights", 200);
        PLATFORM.library.stored("essen", "Baldeneysee", "url", "https://example.org/see", null, null);

        EntityExchangeResult<String> lost = editor.submit(list, "form[action='/redaktion/essen/highlights/2/hoch']",
                Map.of());

        assertThat(lost.getStatus().value()).isEqualTo(409);
        Document now = Jsoup.parse(lost.getResponseBody());
        assertThat(now.select(".conflict").text()).contains("Hier sehen Sie den aktuellen Stand");
        assertThat(now.select(".desk-highlights > li > a").eachText())
                .containsExactly("Zollverein", "Grugapark", "Baldeneysee");
        assertThat(titles("essen")).containsExactly("Zollverein", "Grugapark", "Baldeneysee");
    }

    @Test
    void a_validity_window_that_ends_before_it_starts_is_refused_next_to_its_field_in_german_and_english() {
        DeskBrowser editor = signIn("bochum");
        long writes = PLATFORM.seen().stream().filter(seen -> seen.method().equals("PUT")).count();
        Map<String, String> backwards = Map.of("title", "Sommerfest", "kind", "url",
                "target", "https://example.org/sommerfest", "imageUrl", "https://img.example.org/fest.jpg",
                "imageAlt", "Lichter im Park", "validFrom", "2027-07-10T18:00", "validUntil", "2027-07-01T18:00");

        Document german = Jsoup.parse(editor.submit(editor.page("/redaktion/bochum/highlights/neu", 200),
                "form.desk-highlight", backwards).getResponseBody());
        editor.language = "en";
        Document english = Jsoup.parse(editor.submit(editor.page("/redaktion/bochum/highlights/neu", 200),
                "form.desk-highlight", backwards).getResponseBody());
        Document unreadable = Jsoup.parse(editor.submit(editor.page("/redaktion/bochum/highlights/neu", 200),
                "form.desk-highlight", Map.of("title", "Sommerfest", "validFrom", "bald")).getResponseBody());

        assertThat(german.select("#validUntil-error").text()).isEqualTo("muss nach dem Beginn der Sichtbarkeit liegen");
        assertThat(german.select("#validUntil").attr("aria-describedby")).isEqualTo("validUntil-error");
        assertThat(german.select("#title").val()).isEqualTo("Sommerfest");
        assertThat(english.select("#validUntil-error").text()).isEqualTo("must lie after validFrom");
        assertThat(english.select("label[for=validUntil]").text()).isEqualTo("Visible until (empty: no end)");
        assertThat(unreadable.select("#validFrom-error").text()).isEqualTo("must be a date and time");
        assertThat(PLATFORM.seen().stream().filter(seen -> seen.method().equals("PUT")).count()).isEqualTo(writes);
    }

    @Test
    void a_highlight_the_api_refuses_shows_the_refusal_under_the_forms_own_field_and_keeps_the_input() {
        DeskBrowser editor = signIn("gelsenkirchen");

        EntityExchangeResult<String> refused = editor.submit(editor.page("/redaktion/gelsenkirchen/highlights/neu", 200),
                "form.desk-highlight", Map.of("title", " ", "kind", "url", "target", "https://example.org/nordstern",
                        "imageUrl", "https://img.example.org/nordstern.jpg", "imageAlt", "Der Nordsternturm"));
        Document page = Jsoup.parse(refused.getResponseBody());

        assertThat(refused.getStatus().value()).isEqualTo(400);
        assertThat(page.select("#title-error").text()).isEqualTo("darf nicht leer sein");
        assertThat(page.select("#imageAlt").val()).isEqualTo("Der Nordsternturm");
        assertThat(titles("gelsenkirchen")).isEmpty();
    }

    @Test
    void an_editor_uploads_an_image_with_its_alt_text_and_finds_it_in_the_library_with_a_small_rendition() {
        DeskBrowser editor = signIn("bochum");

        EntityExchangeResult<String> uploaded = editor.upload(editor.page("/redaktion/bochum/medien", 200),
                TestImages.png(64, 48), "image/png", Map.of("alt", "Der Förderturm des Bergbau-Museums",
                        "credit", "Foto: Stadt Bochum"));

        assertThat(uploaded.getResponseHeaders().getLocation().toString())
                .startsWith("/redaktion/bochum/medien?hochgeladen=");
        FakeDeskPlatform.Seen upload = last("POST", "/api/cities/bochum/media");
        assertThat(upload.body()).contains("name=\"alt\"", "Der Förderturm des Bergbau-Museums", "Foto: Stadt Bochum");
        Document library = editor.page(uploaded.getResponseHeaders().getLocation().toString(), 200);
        assertThat(library.select(".saved").text()).contains("Das Bild ist hochgeladen.");
        assertThat(library.select(".desk-media img").attr("alt")).isEqualTo("Der Förderturm des Bergbau-Museums");
        assertThat(library.select(".desk-media img").attr("src")).endsWith("/320.jpg");
    }

    @Test
    void an_image_the_library_has_already_keeps_its_description_until_the_editor_takes_the_new_one() {
        DeskBrowser editor = signIn("bochum");
        byte[] photo = TestImages.png(40, 30);
        String first = editor.upload(editor.page("/redaktion/bochum/medien", 200), photo, "image/png",
                Map.of("alt", "Die Jahrhunderthalle von Süden")).getResponseHeaders().getLocation().toString()
                .replaceFirst(".*hochgeladen=", "");

        EntityExchangeResult<String> again = editor.upload(editor.page("/redaktion/bochum/medien", 200), photo,
                "image/png", Map.of("alt", "Die Jahrhunderthalle im Abendlicht", "altEn", "The Jahrhunderthalle at dusk"));
        Document page = Jsoup.parse(again.getResponseBody());

        assertThat(again.getStatus().value()).as("a page to decide on, no redirect").isEqualTo(200);
        assertThat(page.select(".conflict").text()).contains("Dieses Bild ist schon in der Bibliothek")
                .contains("Sein Alternativtext bisher: „Die Jahrhunderthalle von Süden“");
        assertThat(page.select("form.desk-describe").attr("action")).isEqualTo("/redaktion/bochum/medien/" + first);
        assertThat(page.select("#alt").val()).as("the editor's text kept").isEqualTo("Die Jahrhunderthalle im Abendlicht");
        assertThat(page.select("#alt-now").text()).isEqualTo("In der Bibliothek bisher: „Die Jahrhunderthalle von Süden“");
        assertThat(page.select("#alt").attr("aria-describedby")).isEqualTo("alt-now");
        assertThat(page.select("#altEn").val()).isEqualTo("The Jahrhunderthalle at dusk");
        assertThat(page.select("#altEn-now").text()).isEqualTo("In der Bibliothek bisher leer.");
        assertThat(page.select("#credit-now")).as("a field the editor left empty keeps the library's").isEmpty();
        assertThat(page.select("form.desk-describe input[name=_csrf]").val()).isNotBlank();
        assertThat(PLATFORM.library.media().values().stream().filter(item -> item.get("alt").asString()
                .startsWith("Die Jahrhunderthalle"))).hasSize(1).allMatch(item -> item.get("alt").asString()
                .equals("Die Jahrhunderthalle von Süden"));

        EntityExchangeResult<String> taken = editor.submit(page, "form.desk-describe", Map.of());
        assertThat(taken.getResponseHeaders().getLocation()).hasToString("/redaktion/bochum/medien/" + first + "?gespeichert");
        assertThat(PLATFORM.library.media().get(first).get("alt").asString())
                .isEqualTo("Die Jahrhunderthalle im Abendlicht");
        assertThat(PLATFORM.library.media().get(first).get("altEn").asString()).isEqualTo("The Jahrhunderthalle at dusk");

        EntityExchangeResult<String> same = editor.upload(editor.page("/redaktion/bochum/medien", 200), photo,
                "image/png", Map.of("alt", "Die Jahrhunderthalle im Abendlicht"));
        assertThat(same.getResponseHeaders().getLocation())
                .hasToString("/redaktion/bochum/medien?hochgeladen=" + first + "&vorhanden");
        assertThat(editor.page(same.getResponseHeaders().getLocation().toString(), 200).select(".saved").text())
                .contains("Dieses Bild war schon in der Bibliothek, mit derselben Beschreibung");

        editor.language = "en";
        Document english = Jsoup.parse(editor.upload(editor.page("/redaktion/bochum/medien", 200), photo,
                "image/png", Map.of("alt", "Halle")).getResponseBody());
        assertThat(english.select(".conflict").text()).contains("This image is already in the library")
                .contains("Its alt text so far: \"Die Jahrhunderthalle im Abendlicht\"");
        assertThat(english.select("form.desk-describe button[type=submit]").text()).isEqualTo("Take your description");
    }

    @Test
    void an_upload_that_is_no_image_too_large_or_without_alt_text_is_refused_next_to_its_field() {
        DeskBrowser editor = signIn("bochum");
        byte[] large = Arrays.copyOf(TestImages.png(8, 8), FakeDeskLibrary.MAX_BYTES + 1024);

        Document notAnImage = Jsoup.parse(editor.upload(editor.page("/redaktion/bochum/medien", 200),
                "Das ist kein Bild, sondern Text.".getBytes(), "image/png", Map.of("alt", "Ein Text")).getResponseBody());
        long sent = PLATFORM.seen().stream().filter(seen -> seen.path().endsWith("/media") && seen.method().equals("POST"))
                .count();
        Document withoutAlt = Jsoup.parse(editor.upload(editor.page("/redaktion/bochum/medien", 200),
                TestImages.png(16, 16), "image/png", Map.of("alt", " ", "credit", "Foto: Stadt")).getResponseBody());
        editor.language = "en";
        EntityExchangeResult<String> tooLarge = editor.upload(editor.page("/redaktion/bochum/medien", 200), large,
                "image/png", Map.of("alt", "Zu groß"));

        assertThat(notAnImage.select("#file-error").text()).isEqualTo("muss ein JPEG-, PNG- oder WebP-Bild sein");
        assertThat(notAnImage.select("#file").attr("aria-describedby")).isEqualTo("file-error");
        assertThat(withoutAlt.select("#alt-error").text())
                .isEqualTo("darf nicht leer sein: ihn lesen Menschen, die das Bild nicht sehen");
        assertThat(withoutAlt.select("#credit").val()).isEqualTo("Foto: Stadt");
        assertThat(tooLarge.getStatus().value()).isEqualTo(422);
        assertThat(Jsoup.parse(tooLarge.getResponseBody()).select("#file-error").text())
                .isEqualTo("must be at most " + FakeDeskLibrary.MAX_BYTES + " bytes");
        assertThat(PLATFORM.seen().stream().filter(seen -> seen.path().endsWith("/media") && seen.method().equals("POST"))
                .count()).as("the upload without alt text never left the desk").isEqualTo(sent + 1);
        assertThat(PLATFORM.library.media().values()).noneMatch(item -> item.get("alt").asString().equals("Ein Text"));
    }

    @Test
    void an_editor_describes_an_image_anew_with_the_version_they_read() {
        DeskBrowser editor = signIn("bochum");
        String library = editor.upload(editor.page("/redaktion/bochum/medien", 200), TestImages.png(24, 24),
                "image/png", Map.of("alt", "Alter Text")).getResponseHeaders().getLocation().toString();
        String id = library.substring(library.indexOf('=') + 1);

        Document form = editor.page("/redaktion/bochum/medien/" + id, 200);
        EntityExchangeResult<String> saved = editor.submit(form, "form.desk-describe",
                Map.of("alt", "Der Förderturm im Abendlicht", "altEn", "The headframe at dusk"));

        assertThat(saved.getResponseHeaders().getLocation()).hasToString("/redaktion/bochum/medien/" + id + "?gespeichert");
        assertThat(last("PUT", "/api/media/" + id).ifMatch()).isEqualTo("\"m1\"");
        assertThat(PLATFORM.library.media().get(id).get("altEn").asString()).isEqualTo("The headframe at dusk");
        assertThat(editor.page("/redaktion/bochum/medien", 200).select(".desk-media a").eachText())
                .contains("Der Förderturm im Abendlicht");
    }

    @Test
    void an_editor_picks_a_library_image_for_an_article_and_for_a_highlight_by_its_id() {
        DeskBrowser editor = signIn("dortmund");
        String library = editor.upload(editor.page("/redaktion/dortmund/medien", 200), TestImages.png(32, 20),
                "image/png", Map.of("alt", "Das U am Abend")).getResponseHeaders().getLocation().toString();
        String id = library.substring(library.indexOf('=') + 1);

        Document blank = editor.page("/redaktion/dortmund/artikel/neu", 200);
        assertThat(blank.select("#heroMediaId option").eachText()).contains("Das U am Abend (640 × 480)");
        EntityExchangeResult<String> article = editor.submit(blank, "form.desk-form", Map.of("title", "Das U",
                "topic", "leben", "body", "Kunst im Turm.", "slug", "das-u", "heroMediaId", id));
        Document highlight = editor.page("/redaktion/dortmund/highlights/neu", 200);
        EntityExchangeResult<String> teaser = editor.submit(highlight, "form.desk-highlight", Map.of("title", "Das U",
                "kind", "article", "target", "das-u", "imageMediaId", id));

        assertThat(article.getStatus().is3xxRedirection()).as(article.getResponseBody()).isTrue();
        assertThat(PLATFORM.article("dortmund", "de", "das-u").get("heroImage").get("mediaId").asString()).isEqualTo(id);
        assertThat(editor.page("/redaktion/dortmund/artikel/das-u", 200).select("#heroMediaId option[selected]").val())
                .isEqualTo(id);
        assertThat(teaser.getStatus().is3xxRedirection()).as(teaser.getResponseBody()).isTrue();
        assertThat(PLATFORM.library.highlights("dortmund")).singleElement()
                .satisfies(stored -> assertThat(stored.get("image").get("mediaId").asString()).isEqualTo(id));
        assertThat(last("PUT", "/api/cities/dortmund/highlights").body()).doesNotContain("\"alt\"");
    }

    @Test
    void an_editor_of_dortmund_is_refused_bochums_highlights_and_uploads_and_nothing_changes() {
        PLATFORM.library.stored("bochum", "Musikforum", "url", "https://example.org/musikforum", null, null);
        DeskBrowser dortmund = signIn("dortmund");

        Document highlights = dortmund.page("/redaktion/bochum/highlights", 403);
        EntityExchangeResult<String> upload = dortmund.upload(dortmund.page("/redaktion/bochum/medien", 200),
                TestImages.png(20, 20), "image/png", Map.of("alt", "Fremdes Bild"));

        assertThat(highlights.select(".refusal").text()).startsWith("Diese Stadt gehört nicht zu Ihren Städten.");
        assertThat(highlights.select(".desk-highlights")).isEmpty();
        assertThat(upload.getStatus().value()).isEqualTo(403);
        assertThat(PLATFORM.library.media().values()).noneMatch(item -> item.get("alt").asString().equals("Fremdes Bild"));
        assertThat(titles("bochum")).contains("Musikforum");
    }

    @Test
    void a_teaser_that_links_a_venue_or_an_event_names_it_rather_than_its_id() {
        String concert = PLATFORM.events().created("bochum", "Orgelnacht", OffsetDateTime.now().plusDays(2), null);
        PLATFORM.library.stored("bochum", "Das Musikforum", "venue", FakeEventsApi.MUSIKFORUM, null, null);
        PLATFORM.library.stored("bochum", "Orgel im Musikforum", "event", concert, null, null);
        DeskBrowser editor = signIn("bochum");

        Document highlights = editor.page("/redaktion/bochum/highlights", 200);

        assertThat(highlights.select(".desk-highlights li:contains(Das Musikforum) small").eachText())
                .contains("Ort: Musikforum Ruhr");
        assertThat(highlights.select(".desk-highlights li:contains(Orgel im Musikforum) small").eachText())
                .contains("Veranstaltung: Orgelnacht");
        assertThat(highlights.select(".desk-highlights").text()).doesNotContain(FakeEventsApi.MUSIKFORUM, concert);
    }

    @Test
    void an_image_nothing_shows_is_deleted_and_one_a_highlight_shows_stays_and_the_page_names_the_highlight() {
        DeskBrowser editor = signIn("bochum");
        String unused = uploaded(editor, "Ein Bild zu viel");
        String shown = uploaded(editor, "Der Förderturm im Schnee");
        editor.submit(editor.page("/redaktion/bochum/highlights/neu", 200), "form.desk-highlight", Map.of("title",
                "Winter am Förderturm", "kind", "url", "target", "https://example.org/winter", "imageMediaId", shown));

        EntityExchangeResult<String> deleted = editor.submit(editor.page("/redaktion/bochum/medien/" + unused, 200),
                "form.desk-delete", Map.of());
        EntityExchangeResult<String> refused = editor.submit(editor.page("/redaktion/bochum/medien/" + shown, 200),
                "form.desk-delete", Map.of());

        assertThat(deleted.getResponseHeaders().getLocation()).hasToString("/redaktion/bochum/medien?geloescht");
        assertThat(PLATFORM.library.media()).doesNotContainKey(unused).containsKey(shown);
        assertThat(last("DELETE", "/api/media/" + unused).ifMatch()).isEqualTo("\"m1\"");
        assertThat(editor.page("/redaktion/bochum/medien?geloescht", 200).select(".saved").text())
                .isEqualTo("Das Bild ist gelöscht.");
        assertThat(refused.getStatus().value()).isEqualTo(409);
        Document page = Jsoup.parse(refused.getResponseBody());
        assertThat(page.select(".desk-removal .refusal p").text()).isEqualTo(
                "Das Bild wird noch gezeigt und bleibt. Entfernen Sie es zuerst hier:");
        assertThat(page.select(".desk-removal .refusal li").eachText()).containsExactly(
                "highlight bochum/Winter am Förderturm");
    }

    private static String uploaded(DeskBrowser editor, String alt) {
        String location = editor.upload(editor.page("/redaktion/bochum/medien", 200), TestImages.png(32, 20),
                "image/png", Map.of("alt", alt)).getResponseHeaders().getLocation().toString();
        return location.substring(location.indexOf('=') + 1);
    }

    private DeskBrowser signIn(String city) {
        return DeskBrowser.signIn(port, PLATFORM, "redaktion-" + city, List.of(city));
    }

    private static List<String> titles(String city) {
        return PLATFORM.library.highlights(city).stream().map(item -> item.get("title").asString()).toList();
    }

    private static FakeDeskPlatform.Seen last(String method, String path) {
        List<FakeDeskPlatform.Seen> seen = PLATFORM.seen().stream()
                .filter(request -> request.method().equals(method) && request.path().startsWith(path)).toList();
        assertThat(seen).as(method + " " + path).isNotEmpty();
        return seen.get(seen.size() - 1);
    }
}
