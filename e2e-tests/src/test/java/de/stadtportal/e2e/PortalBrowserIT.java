package de.stadtportal.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.stadtportal.launcher.LocalPlatform;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The city portal in a real browser: Debian's Chromium, driven through chromium-driver, against the
 * platform started as {@code ./stadtportal up} starts it. Keyboard users reach the content and the
 * carousel; a 320 px phone never scrolls sideways; axe-core finds no serious or critical violation on
 * any kind of page; a visitor finds a concert typing without umlauts and takes it into a calendar.
 * Screenshots land in {@code target/screenshots}.
 * The CI script installs {@code chromium} and {@code chromium-driver} when they are missing.
 */
class PortalBrowserIT {

    private static LocalPlatform platform;
    private static ChromeDriver browser;
    private static String concert;

    @BeforeAll
    static void browser() {
        platform = RunningPlatform.get();
        browser = Chromium.start();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void the_first_tab_reaches_the_skip_link_and_it_takes_the_focus_to_the_content() {
        open("/bochum", 1280);

        new Actions(browser).sendKeys(Keys.TAB).perform();
        // the focus may move a moment after the key's dispatch returns: wait for it rather than race it
        WebElement focused = focusSettlesOn("the first Tab", active -> String.valueOf(active.getAttribute("class"))
                .contains("skip-link"));
        assertThat(focused.isDisplayed()).isTrue();

        focused.sendKeys(Keys.ENTER);
        focusSettlesOn("the skip link's target", active -> "inhalt".equals(active.getAttribute("id")));
    }

    @Test
    void the_highlight_carousel_is_reached_and_turned_by_keyboard_and_never_moves_by_itself() {
        open("/bochum", 1280);
        List<WebElement> slides = browser.findElements(By.cssSelector("[data-carousel] .slide"));
        assertThat(slides).hasSizeGreaterThanOrEqualTo(2);
        WebElement next = browser.findElement(By.cssSelector("[data-carousel] button[aria-label='Nächstes Highlight']"));
        WebElement status = browser.findElement(By.cssSelector("[data-carousel] [aria-live=polite]"));
        assertThat(status.getText()).isEqualTo("Highlight 1 von " + slides.size());
        assertThat(visible(slides)).isEqualTo(0);

        int tabs = 0;
        while (!browser.switchTo().activeElement().equals(next) && tabs < 80) {
            new Actions(browser).sendKeys(Keys.TAB).perform();
            tabs++;
        }
        assertThat(browser.switchTo().activeElement()).as("the next button, reached by Tab").isEqualTo(next);

        new Actions(browser).sendKeys(Keys.ENTER).perform();
        assertThat(status.getText()).isEqualTo("Highlight 2 von " + slides.size());
        assertThat(visible(slides)).isEqualTo(1);

        new Actions(browser).sendKeys(Keys.ARROW_LEFT).perform();
        assertThat(status.getText()).isEqualTo("Highlight 1 von " + slides.size());
        new Actions(browser).sendKeys(Keys.ARROW_LEFT).perform();
        assertThat(status.getText()).as("from the first, back wraps to the last")
                .isEqualTo("Highlight " + slides.size() + " von " + slides.size());
        assertThat(status.getAttribute("aria-live")).isEqualTo("polite");
    }

    @Test
    void at_320_px_and_on_a_desktop_no_page_scrolls_sideways_and_each_is_photographed() throws IOException {
        Path screenshots = Files.createDirectories(Path.of("target", "screenshots"));
        for (String path : List.of("/bochum", "/bochum/artikel/univercity-bochum", "/bochum/veranstaltungen",
                firstConcert(), "/suche?q=Musikforum")) {
            for (int width : new int[] {320, 375, 1280}) {
                open(path, width);
                assertThat(Chromium.sidewaysScroll(browser)).as(path + " at " + width + " px scrolls sideways by").isLessThanOrEqualTo(0);
                Path shot = screenshots.resolve((path.equals(firstConcert()) ? "event" : name(path)) + "-" + width + ".png");
                Files.write(shot, browser.getScreenshotAs(OutputType.BYTES));
                assertThat(Files.size(shot)).isPositive();
            }
        }
    }

    @Test
    void no_kind_of_page_has_a_serious_or_critical_accessibility_violation() {
        String event = firstConcert();
        open("/bochum/veranstaltungen", 1280);
        String venue = browser.findElement(By.cssSelector(".events li .where a")).getAttribute("href")
                .substring(platform.gatewayUrl().length());
        for (String path : List.of("/", "/bochum", "/bochum/artikel/univercity-bochum", venue, "/bochum/veranstaltungen",
                event, "/suche?q=Musikforum", "/bochum/gibt-es-nicht")) {
            for (int width : new int[] {375, 1280}) {
                open(path, width);
                assertThat(Axe.violations(browser)).as(path + " at " + width + " px").isEmpty();
            }
        }
    }

    @Test
    void a_visitor_finds_a_concert_typing_without_umlauts_and_takes_it_into_a_calendar() throws IOException {
        Path downloads = Files.createDirectories(Path.of("target", "downloads")).toAbsolutePath();
        browser.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow",
                "downloadPath", downloads.toString()));
        open("/suche", 1280);
        WebElement field = browser.findElement(By.id("q"));

        field.sendKeys("Sinfon");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        By options = By.cssSelector("#" + field.getAttribute("aria-controls") + " [role=option]");
        wait.until(ExpectedConditions.visibilityOfElementLocated(options));
        assertThat(browser.findElements(options)).allSatisfy(option -> assertThat(option.getText()).containsIgnoringCase("sinfon"));
        assertThat(field.getAttribute("aria-expanded")).isEqualTo("true");
        field.sendKeys(Keys.ARROW_DOWN);
        assertThat(field.getAttribute("aria-activedescendant")).isNotBlank();
        field.sendKeys(Keys.ESCAPE);
        assertThat(field.getAttribute("aria-expanded")).isEqualTo("false");

        field.clear();
        field.sendKeys("Symphoniker grosse Sinfonik im Grossen Saal", Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("q=Symphoniker"));
        WebElement hit = browser.findElements(By.cssSelector(".hit h3 a")).stream()
                .filter(link -> link.getText().contains("Sinfoniekonzert")).findFirst().orElseThrow();
        hit.click();
        wait.until(ExpectedConditions.urlContains("/bochum/veranstaltungen/"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Sinfoniekonzert");

        browser.findElement(By.cssSelector("a[href$='/kalender.ics']")).click();
        Path ics = await().atMost(Duration.ofSeconds(20)).until(() -> calendarFile(downloads), file -> file != null);
        String entry = Files.readString(ics, StandardCharsets.UTF_8);
        assertThat(entry).startsWith("BEGIN:VCALENDAR").contains("BEGIN:VEVENT").contains("Sinfoniekonzert");
    }

    private static Path calendarFile(Path downloads) throws IOException {
        try (var files = Files.list(downloads)) {
            return files.filter(file -> file.toString().endsWith(".ics")).findFirst().orElse(null);
        }
    }

    /** The path of a concert in Bochum, the first the calendar lists. */
    private static String firstConcert() {
        if (concert == null) {
            browser.get(platform.gatewayUrl() + "/bochum/veranstaltungen?kategorie=konzert");
            concert = browser.findElement(By.cssSelector(".events li .what > a")).getAttribute("href")
                    .substring(platform.gatewayUrl().length());
        }
        return concert;
    }

    private static void open(String path, int width) {
        Chromium.width(browser, width);
        browser.get(platform.gatewayUrl() + path);
    }

    /** The focused element once {@code expected} holds for it; fails after 5 s, naming what was focused instead. */
    private static WebElement focusSettlesOn(String after, Predicate<WebElement> expected) {
        WebElement[] active = new WebElement[1];
        try {
            new WebDriverWait(browser, Duration.ofSeconds(5)).until(driver -> {
                active[0] = driver.switchTo().activeElement();
                return expected.test(active[0]);
            });
        } catch (TimeoutException e) {
            throw new AssertionError("after " + after + " the focus stayed on " + active[0].getTagName() + " id="
                    + active[0].getAttribute("id") + " class=" + active[0].getAttribute("class"), e);
        }
        return active[0];
    }

    private static int visible(List<WebElement> slides) {
        int shown = -1;
        for (int i = 0; i < slides.size(); i++) {
            if (slides.get(i).isDisplayed()) {
                assertThat(shown).as("only one highlight is shown at a time").isEqualTo(-1);
                shown = i;
            }
        }
        return shown;
    }

    private static String name(String path) {
        String name = path.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return name.isEmpty() ? "start" : name;
    }
}
