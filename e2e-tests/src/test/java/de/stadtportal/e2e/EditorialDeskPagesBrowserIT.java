package de.stadtportal.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.stadtportal.launcher.LocalPlatform;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The desk's pages for events, venues, highlights and media in a real browser (Debian's Chromium
 * through chromium-driver) against the platform as {@code ./stadtportal up} starts it, used by the
 * Bochum editor as a person uses them: a venue, a weekly event there through the recurrence form (with
 * its price, tickets, tags and a library picture) and its cancellation, a venue's programme imported
 * from its calendar file (twice: nothing made twice), the carousel reordered, an
 * image uploaded with its alt text and put on a highlight, a venue and an image deleted. Every kind of desk page passes axe-core without a serious or critical finding and fits a
 * 375 px phone; the events, event, highlights and media pages are photographed at 375 and 1280 px
 * into {@code target/screenshots}, the import page too.
 */
class EditorialDeskPagesBrowserIT {

    private static final ZoneId CITY_TIME = ZoneId.of("Europe/Berlin");
    private static final String DESK = "/redaktion/bochum";

    private static LocalPlatform platform;
    private static ChromeDriver browser;
    private final AtomicInteger visits = new AtomicInteger();

    @BeforeAll
    static void signedInEditor() {
        platform = RunningPlatform.get();
        browser = Chromium.start();
        DeskSignIn.nobody(browser, platform);
        DeskSignIn.as(browser, platform, "redaktion-bochum");
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void the_editor_creates_a_venue_and_a_weekly_event_there_and_cancels_it() throws IOException {
        String venue = "Zeche Lothringen " + suffix();
        createVenue(venue);
        String organ = "Die Orgel der Zeche " + suffix();
        String picture = upload(organ);

        String title = "Orgelnacht " + suffix();
        LocalDate first = LocalDate.now(CITY_TIME).plusDays(1);
        open(DESK + "/veranstaltungen/neu");
        browser.findElement(By.id("title")).sendKeys(title);
        browser.findElement(By.id("description")).sendKeys("Vier Abende an der Orgel, einmal die Woche.");
        new Select(browser.findElement(By.id("category"))).selectByValue("konzert");
        new Select(browser.findElement(By.id("venueId"))).selectByVisibleText(venue);
        browser.executeScript("document.getElementById('start').value = arguments[0];", first + "T19:30");
        browser.findElement(By.name("wiederholen")).click();
        browser.findElement(By.cssSelector("input[name=tage][value=" + first.getDayOfWeek() + "]")).click();
        browser.findElement(By.id("anzahl")).sendKeys("4");
        browser.findElement(By.id("priceMin")).sendKeys("8,50");
        browser.findElement(By.id("priceMax")).sendKeys("12");
        browser.findElement(By.id("ticketUrl")).sendKeys("https://tickets.example/orgelnacht");
        browser.findElement(By.id("tags")).sendKeys("orgel, klassik");
        browser.findElement(By.id("accessibility")).sendKeys("wheelchair, hearing-loop");
        new Select(browser.findElement(By.id("imageMediaId"))).selectByValue(picture);
        DeskForms.submit(browser, By.cssSelector(".desk-event button[type=submit]"));

        assertThat(DeskForms.confirmation(browser)).isEqualTo("Die Veranstaltung ist angelegt. Zur Veranstaltung");
        String id = browser.getCurrentUrl().replaceFirst(".*angelegt=", "");
        List<Start> starts = startsOf(id, first, first.plusWeeks(3));
        assertThat(starts).as("four weeks").hasSize(4);
        assertThat(starts).allSatisfy(start -> {
            assertThat(start.venue()).isEqualTo(venue);
            assertThat(start.statusText()).isEqualTo("geplant");
        });
        assertThat(starts.get(0).datetime()).startsWith(first + "T19:30");

        open(DESK + "/veranstaltungen/" + id);
        assertThat(new Select(browser.findElement(By.id("venueId"))).getFirstSelectedOption().getText()).isEqualTo(venue);
        assertThat(browser.findElement(By.id("anzahl")).getAttribute("value")).isEqualTo("4");
        assertThat(browser.findElement(By.id("priceMin")).getAttribute("value")).isEqualTo("8.5");
        assertThat(browser.findElement(By.id("ticketUrl")).getAttribute("value"))
                .isEqualTo("https://tickets.example/orgelnacht");
        assertThat(browser.findElement(By.id("tags")).getAttribute("value")).isEqualTo("orgel, klassik");
        assertThat(browser.findElement(By.id("accessibility")).getAttribute("value"))
                .isEqualTo("wheelchair, hearing-loop");
        assertThat(browser.findElement(By.id("language")).getAttribute("value")).isEqualTo("de");
        assertThat(new Select(browser.findElement(By.id("imageMediaId"))).getFirstSelectedOption().getAttribute("value"))
                .as("the library's picture, read back from its rendition").isEqualTo(picture);
        DeskForms.submit(browser, By.cssSelector(".desk-cancel button"));

        assertThat(DeskForms.confirmation(browser)).isEqualTo("Gespeichert.");
        assertThat(startsOf(id, first, first.plusWeeks(3))).hasSize(4)
                .allSatisfy(start -> {
                    assertThat(start.status()).isEqualTo("cancelled");
                    assertThat(start.statusText()).isEqualTo("abgesagt");
                });
    }

    @Test
    void the_editor_imports_a_venues_programme_from_its_calendar_file_and_importing_it_again_makes_nothing_twice()
            throws IOException {
        String venue = "Rotunde " + suffix();
        String venueId = createVenue(venue);
        LocalDate first = LocalDate.now(CITY_TIME).plusDays(2);
        String reading = "Lesenacht " + suffix();
        String jazz = "Jazz im Kreis " + suffix();
        String starts = DateTimeFormatter.BASIC_ISO_DATE.format(first);
        Path programme = Files.createTempFile(Files.createDirectories(Path.of("target").toAbsolutePath()), "programm-",
                ".ics");
        Files.writeString(programme, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Rotunde//Programm//DE\r\n"
                + "BEGIN:VEVENT\r\nUID:" + reading.replace(' ', '-') + "@rotunde.example\r\nDTSTAMP:20270101T120000Z\r\n"
                + "SUMMARY:" + reading + "\r\nDTSTART;TZID=Europe/Berlin:" + starts + "T200000\r\n"
                + "DTEND;TZID=Europe/Berlin:" + starts + "T220000\r\nEND:VEVENT\r\n"
                + "BEGIN:VEVENT\r\nUID:" + jazz.replace(' ', '-') + "@rotunde.example\r\nDTSTAMP:20270101T120000Z\r\n"
                + "SUMMARY:" + jazz + "\r\nDTSTART;TZID=Europe/Berlin:" + starts + "T210000\r\n"
                + "RRULE:FREQ=WEEKLY;COUNT=3\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");

        importProgramme(programme, venueId);
        assertThat(DeskForms.confirmation(browser))
                .startsWith("2 Termine angelegt, 0 schon früher importiert und unverändert.");
        String jazzId = browser.findElement(By.linkText(jazz)).getAttribute("href").replaceFirst(".*/", "");
        assertThat(startsOf(jazzId, first, first.plusWeeks(2))).hasSize(3)
                .allSatisfy(start -> assertThat(start.venue()).isEqualTo(venue))
                .first().satisfies(start -> assertThat(start.datetime()).startsWith(first + "T21:00"));

        importProgramme(programme, venueId);
        assertThat(DeskForms.confirmation(browser))
                .isEqualTo("0 Termine angelegt, 2 schon früher importiert und unverändert.");
        assertThat(startsOf(jazzId, first, first.plusWeeks(2))).as("the series once, not twice").hasSize(3);
    }

    /** Sends {@code file} through the desk's import form, its events concerts at the venue {@code venueId}. */
    private static void importProgramme(Path file, String venueId) {
        open(DESK + "/veranstaltungen/import");
        browser.findElement(By.id("file")).sendKeys(file.toString());
        new Select(browser.findElement(By.id("venueId"))).selectByValue(venueId);
        new Select(browser.findElement(By.id("category"))).selectByValue("konzert");
        DeskForms.submit(browser, By.cssSelector(".desk-import button[type=submit]"));
    }

    @Test
    void the_editor_deletes_a_venue_and_an_image_nothing_uses_and_is_told_why_a_venue_with_events_stays() throws IOException {
        String venue = "Provisorium " + suffix();
        String id = createVenue(venue);
        open(DESK + "/orte/" + id);
        DeskForms.submit(browser, By.cssSelector(".desk-delete button"));
        assertThat(DeskForms.confirmation(browser)).isEqualTo("Der Ort ist gelöscht.");
        assertThat(browser.findElements(By.linkText(venue))).isEmpty();

        DeskForms.follow(browser, By.linkText("Schauspielhaus Bochum"));
        DeskForms.submit(browser, By.cssSelector(".desk-delete button"));
        assertThat(browser.findElement(By.cssSelector(".desk-removal .refusal")).getText())
                .isEqualTo("Der Ort hat noch Veranstaltungen und bleibt. Löschen oder verlegen Sie sie zuerst.");
        open(DESK + "/orte");
        assertThat(browser.findElements(By.linkText("Schauspielhaus Bochum"))).hasSize(1);

        String alt = "Ein Bild zu viel " + suffix();
        String medium = upload(alt);
        open(DESK + "/medien/" + medium);
        DeskForms.submit(browser, By.cssSelector(".desk-delete button"));
        assertThat(DeskForms.confirmation(browser)).isEqualTo("Das Bild ist gelöscht.");
        assertThat(browser.findElements(By.linkText(alt))).isEmpty();
    }

    @Test
    void the_editor_moves_a_highlight_up_and_the_carousel_keeps_the_new_order() {
        open(DESK + "/highlights");
        List<String> before = highlightTitles();
        assertThat(before).hasSizeGreaterThanOrEqualTo(2);

        DeskForms.submit(browser, browser.findElements(By.cssSelector(".desk-highlights > li")).get(1)
                .findElement(By.cssSelector("form[action$='/hoch'] button")));

        List<String> expected = new ArrayList<>(before);
        Collections.swap(expected, 0, 1);
        assertThat(DeskForms.confirmation(browser)).isEqualTo("Gespeichert.");
        assertThat(highlightTitles()).isEqualTo(expected);
        open(DESK + "/highlights");
        assertThat(highlightTitles()).as("read again from the platform").isEqualTo(expected);
    }

    @Test
    void the_editor_uploads_an_image_with_alt_text_and_puts_it_on_a_new_highlight() throws IOException {
        String alt = "Förderturm im Abendlicht " + suffix();
        String mediaId = upload(alt);
        assertThat(browser.findElements(By.cssSelector(".desk-media a"))).extracting(WebElement::getText).contains(alt);
        assertThat(browser.findElement(By.cssSelector(".desk-media img[alt='" + alt + "']")).getAttribute("src"))
                .contains(mediaId);

        String title = "Abends am Förderturm " + suffix();
        open(DESK + "/highlights/neu");
        browser.findElement(By.id("title")).sendKeys(title);
        new Select(browser.findElement(By.id("kind"))).selectByValue("article");
        browser.findElement(By.id("target")).sendKeys("univercity-bochum");
        new Select(browser.findElement(By.id("imageMediaId"))).selectByValue(mediaId);
        DeskForms.submit(browser, By.cssSelector(".desk-highlight button[type=submit]"));

        assertThat(DeskForms.confirmation(browser)).isEqualTo("Gespeichert.");
        assertThat(highlightTitles()).contains(title);
        DeskForms.follow(browser, By.linkText(title));
        assertThat(new Select(browser.findElement(By.id("imageMediaId"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo(mediaId);

        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            browser.get(platform.gatewayUrl() + "/bochum?besuch=" + visits.incrementAndGet());
            assertThat(browser.findElements(By.cssSelector(".slide img[alt='" + alt + "']")))
                    .as("the visitor's carousel shows the library's image with its alt text").isNotEmpty();
        });
    }

    @Test
    void no_kind_of_desk_page_has_a_serious_or_critical_accessibility_violation_or_scrolls_sideways() throws IOException {
        String venue = createVenue("Kunstmuseum Prüfstand " + suffix());
        String medium = upload("Prüfbild " + suffix());
        open(DESK + "/veranstaltungen");
        String event = browser.findElement(By.cssSelector(".desk-events tbody tr")).getAttribute("data-event");
        open(DESK + "/highlights");
        String highlight = browser.findElement(By.cssSelector(".desk-highlights > li > a")).getAttribute("href")
                .substring(platform.gatewayUrl().length());

        Path screenshots = Files.createDirectories(Path.of("target", "screenshots"));
        Map<String, String> photographed = Map.of(DESK + "/veranstaltungen", "desk-events",
                DESK + "/veranstaltungen/" + event, "desk-event", DESK + "/highlights", "desk-highlights",
                DESK + "/medien", "desk-media", DESK + "/veranstaltungen/import", "desk-event-import");
        for (String path : List.of("/redaktion", DESK + "/artikel", DESK + "/artikel/neu",
                DESK + "/artikel/univercity-bochum", DESK + "/artikel/univercity-bochum/versionen",
                DESK + "/veranstaltungen", DESK + "/veranstaltungen/neu", DESK + "/veranstaltungen/" + event,
                DESK + "/veranstaltungen/import",
                DESK + "/orte", DESK + "/orte/neu", DESK + "/orte/" + venue, DESK + "/highlights",
                DESK + "/highlights/neu", highlight, DESK + "/medien", DESK + "/medien/" + medium)) {
            for (int width : new int[] {375, 1280}) {
                Chromium.width(browser, width);
                open(path);
                assertThat(browser.findElements(By.cssSelector(".refusal"))).as(path + " is the page itself").isEmpty();
                assertThat(Axe.violations(browser)).as(path + " at " + width + " px").isEmpty();
                assertThat(Chromium.sidewaysScroll(browser)).as(path + " at " + width + " px scrolls sideways by")
                        .isLessThanOrEqualTo(0);
                if (photographed.containsKey(path)) {
                    Path shot = screenshots.resolve(photographed.get(path) + "-" + width + ".png");
                    Files.write(shot, wholePage());
                    assertThat(Files.size(shot)).isPositive();
                }
            }
        }
        Chromium.width(browser, 1280);
    }

    /** Creates a venue in Bochum through the venue form and answers its id. */
    private static String createVenue(String name) {
        open(DESK + "/orte/neu");
        Map<String, String> fields = Map.of("name", name, "street", "Lothringer Straße 36c", "postalCode", "44805",
                "locality", "Bochum", "lat", "51,5037", "lon", "7,2647", "accessibility", "wheelchair");
        fields.forEach((field, value) -> browser.findElement(By.id(field)).sendKeys(value));
        DeskForms.submit(browser, By.cssSelector(".desk-venue button[type=submit]"));
        assertThat(DeskForms.confirmation(browser)).isEqualTo("Gespeichert.");
        String id = browser.getCurrentUrl().replaceFirst(".*gespeichert=", "");
        assertThat(browser.findElement(By.linkText(name)).getAttribute("href")).endsWith("/orte/" + id);
        return id;
    }

    /** Uploads a photograph (a JPEG drawn here) with {@code alt} into Bochum's library and answers its id. */
    private static String upload(String alt) throws IOException {
        BufferedImage image = new BufferedImage(800, 450, BufferedImage.TYPE_INT_RGB);
        Graphics2D paint = image.createGraphics();
        // a picture of its own for each upload: the library may recognise a file it already has
        paint.setColor(new Color(alt.hashCode() & 0x7f7f7f));
        paint.fillRect(0, 0, 800, 450);
        paint.setColor(new Color(0xc75a00));
        paint.fillRect(360, 60, 80, 390);
        paint.dispose();
        Path file = Files.createTempFile(Files.createDirectories(Path.of("target").toAbsolutePath()), "foerderturm-", ".jpg");
        ImageIO.write(image, "jpg", file.toFile());

        open(DESK + "/medien");
        browser.findElement(By.id("file")).sendKeys(file.toString());
        browser.findElement(By.id("alt")).sendKeys(alt);
        browser.findElement(By.id("altEn")).sendKeys("Winding tower at dusk");
        DeskForms.submit(browser, By.cssSelector(".desk-upload button[type=submit]"));
        assertThat(DeskForms.confirmation(browser)).startsWith("Das Bild ist hochgeladen.");
        return browser.getCurrentUrl().replaceFirst(".*hochgeladen=", "");
    }

    /** One row of the desk's events list, as read off the page. */
    private record Start(String datetime, String venue, String status, String statusText) {
    }

    /**
     * The event's rows in the desk's list from {@code first} to {@code last}, set in the list's date
     * filter as an editor sets it, page after page (the filter kept): other tests of this JVM add events
     * too (the drills thousands), so a series' dates may be pages apart.
     */
    private static List<Start> startsOf(String event, LocalDate first, LocalDate last) {
        open(DESK + "/veranstaltungen");
        browser.executeScript("document.getElementById('von').value = arguments[0];"
                + "document.getElementById('bis').value = arguments[1];", first.toString(), last.toString());
        DeskForms.submit(browser, By.cssSelector(".desk-filter button[type=submit]"));
        assertThat(browser.getCurrentUrl()).contains("von=" + first).contains("bis=" + last);
        By rows = By.cssSelector("tr[data-event='" + event + "']");
        List<Start> starts = new ArrayList<>();
        while (true) {
            for (WebElement row : browser.findElements(rows)) {
                starts.add(new Start(row.findElement(By.tagName("time")).getAttribute("datetime"),
                        row.findElement(By.cssSelector(".event-venue")).getText(), row.getAttribute("data-status"),
                        row.findElement(By.cssSelector(".event-status")).getText()));
            }
            List<WebElement> shown = browser.findElements(By.cssSelector("tr[data-event] time"));
            boolean pastTheSeries = !shown.isEmpty() && LocalDate.parse(
                    shown.get(shown.size() - 1).getAttribute("datetime").substring(0, 10)).isAfter(last);
            if (pastTheSeries || browser.findElements(By.linkText("Weitere")).isEmpty()) {
                return starts;
            }
            DeskForms.follow(browser, By.linkText("Weitere"));
        }
    }

    private static List<String> highlightTitles() {
        return browser.findElements(By.cssSelector(".desk-highlights > li > a")).stream().map(WebElement::getText)
                .toList();
    }

    /** The whole page, not just the window: a long list is seen to its end. */
    private static byte[] wholePage() {
        @SuppressWarnings("unchecked")
        Map<String, Object> content = (Map<String, Object>) browser.executeCdpCommand("Page.getLayoutMetrics", Map.of())
                .get("cssContentSize");
        Map<String, Object> page = Map.of("x", 0, "y", 0, "width", content.get("width"), "height", content.get("height"),
                "scale", 1);
        Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true, "clip", page));
        return Base64.getDecoder().decode((String) shot.get("data"));
    }

    private static void open(String path) {
        browser.get(platform.gatewayUrl() + path);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 6);
    }
}
