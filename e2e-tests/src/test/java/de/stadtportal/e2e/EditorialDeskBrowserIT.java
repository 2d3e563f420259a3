package de.stadtportal.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.stadtportal.launcher.LocalPlatform;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The editorial desk in a real browser (Debian's Chromium through chromium-driver) against the
 * platform as {@code ./stadtportal up} starts it: editors sign in on the identity provider's login
 * page, and everything else happens at the portal's public address, the gateway's. The Bochum editor
 * schedules an article and sees it on the city page once its time has come; the Dortmund editor is
 * shown the platform's refusal for Bochum, and nothing is written.
 */
class EditorialDeskBrowserIT {

    private static final ZoneId CITY_TIME = ZoneId.of("Europe/Berlin");

    private static LocalPlatform platform;
    private static Gateway gateway;
    private static ChromeDriver browser;
    private final AtomicInteger visits = new AtomicInteger();

    @BeforeAll
    static void browser() {
        platform = RunningPlatform.get();
        gateway = new Gateway(platform.gatewayUrl());
        browser = Chromium.start();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void nobodySignedIn() {
        DeskSignIn.nobody(browser, platform);
    }

    @Test
    void the_bochum_editor_signs_in_schedules_an_article_and_sees_it_on_the_city_page_after_its_time() {
        String title = "Nachtschicht im Bergbaumuseum " + UUID.randomUUID().toString().substring(0, 6);
        DeskSignIn.as(browser, platform, "redaktion-bochum");
        assertThat(browser.findElements(By.cssSelector(".desk-cities a"))).extracting(WebElement::getText)
                .containsExactly("Bochum");

        DeskForms.follow(browser, By.linkText("Bochum"));
        DeskForms.follow(browser, By.linkText("Neuer Artikel"));
        browser.findElement(By.id("title")).sendKeys(title);
        new Select(browser.findElement(By.id("topic"))).selectByValue("leben");
        browser.findElement(By.id("summary")).sendKeys("Eine Nacht zwischen Fördergerüst und Flöz.");
        browser.findElement(By.id("body")).sendKeys("Das **Bergbaumuseum** öffnet bis Mitternacht.");
        DeskForms.submit(browser, By.cssSelector(".desk-form button[type=submit]"));

        assertThat(DeskForms.confirmation(browser)).isEqualTo("Gespeichert.");
        assertThat(browser.findElement(By.cssSelector(".desk-status strong")).getText()).isEqualTo("Entwurf");
        String at = LocalDateTime.now(CITY_TIME).plusSeconds(60).truncatedTo(ChronoUnit.SECONDS)
                .format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        // a datetime-local field takes its value as the browser's date picker would set it
        ((JavascriptExecutor) browser).executeScript("document.getElementById('zeitpunkt').value = arguments[0];", at);
        DeskForms.submit(browser, By.cssSelector(".desk-publish button[type=submit]"));
        assertThat(browser.findElement(By.cssSelector(".desk-status strong")).getText()).isEqualTo("Geplant");
        DeskForms.follow(browser, By.linkText("Artikel: bochum"));
        assertThat(browser.findElements(By.cssSelector("ul.scheduled li a"))).extracting(WebElement::getText)
                .contains(title);
        assertThat(cityPageTeasers()).doesNotContain(title);

        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(cityPageTeasers()).contains(title));
    }

    @Test
    void the_dortmund_editor_is_shown_the_refusal_for_bochums_drafts_and_cannot_write_there() {
        DeskSignIn.as(browser, platform, "redaktion-dortmund");
        assertThat(browser.findElements(By.cssSelector(".desk-cities a"))).extracting(WebElement::getText)
                .containsExactly("Dortmund");

        browser.get(platform.gatewayUrl() + "/redaktion/bochum/artikel");
        assertThat(browser.findElement(By.cssSelector(".refusal")).getText()).startsWith(
                "Diese Stadt gehört nicht zu Ihren Städten.");
        assertThat(browser.findElements(By.cssSelector(".desk-list"))).isEmpty();

        String slug = "uebergriff-" + UUID.randomUUID().toString().substring(0, 8);
        browser.get(platform.gatewayUrl() + "/redaktion/bochum/artikel/neu");
        browser.findElement(By.id("title")).sendKeys("Übergriff aus Dortmund");
        browser.findElement(By.id("slug")).sendKeys(slug);
        DeskForms.submit(browser, By.cssSelector(".desk-form button[type=submit]"));

        assertThat(browser.findElement(By.cssSelector(".refusal")).getText()).startsWith(
                "Diese Stadt gehört nicht zu Ihren Städten.");
        assertThat(gateway.send("GET", "/api/cities/bochum/articles/" + slug, platform.token("admin", "*"), null,
                Map.of()).status()).as("nothing was written").isEqualTo(404);
    }

    /** The article titles on Bochum's city page, fetched afresh (past any cached copy). */
    private java.util.List<String> cityPageTeasers() {
        browser.get(platform.gatewayUrl() + "/bochum?besuch=" + visits.incrementAndGet());
        return browser.findElements(By.cssSelector(".teaser h4 a")).stream().map(WebElement::getText).toList();
    }
}
