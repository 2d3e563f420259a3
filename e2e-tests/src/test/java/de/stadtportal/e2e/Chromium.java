package de.stadtportal.e2e;

import java.io.File;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The browser of the browser tests: Debian's Chromium, headless, driven through chromium-driver
 * ({@code .ci/run} installs both when they are missing). It asks for German, as a visitor or an
 * editor in Bochum does; the window is a desktop's, and a page that does not load within 30 s fails
 * the test rather than hanging it.
 */
final class Chromium {

    private static final String BINARY = "/usr/bin/chromium";
    private static final String DRIVER = "/usr/bin/chromedriver";

    private Chromium() {
    }

    /** A new headless Chromium; the caller quits it. */
    static ChromeDriver start() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY);
        // --no-sandbox: CI runs as root, where Chromium's sandbox cannot start
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,900", "--lang=de-DE");
        // headless Chromium asks for en-US whatever --lang says; the desk answers in the language asked for
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "de-DE,de"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER)).usingAnyFreePort().build();
        ChromeDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return browser;
    }

    /** Lays the next pages out as a screen {@code width} px wide shows them (a phone's below 600 px). */
    static void width(ChromeDriver browser, int width) {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", 900,
                "deviceScaleFactor", 1, "mobile", width < 600));
    }

    /** How far the open page scrolls sideways, in CSS pixels; 0 when it fits. */
    static long sidewaysScroll(ChromeDriver browser) {
        return (Long) browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    }
}
