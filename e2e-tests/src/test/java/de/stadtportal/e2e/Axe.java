package de.stadtportal.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The accessibility check of the browser tests: axe-core (the webjar on the test class path) run in
 * the open page against WCAG 2.0/2.1 A and AA and best practice. Only serious and critical findings
 * fail a page; each is named with its rule, its help text and the first three places it occurs.
 */
final class Axe {

    private static final String SCRIPT = script();

    private Axe() {
    }

    /** The serious and critical findings on the page {@code browser} shows; empty when there are none. */
    static List<String> violations(ChromeDriver browser) {
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        browser.executeScript(SCRIPT);
        Object found = browser.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } })
                  .then(function (r) {
                    done(r.violations.filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })
                      .map(function (v) { return v.id + ' (' + v.impact + '): ' + v.help + ' at '
                        + v.nodes.slice(0, 3).map(function (n) { return n.target.join(' '); }).join(' | '); }));
                  })
                  .catch(function (e) { done(['axe failed: ' + e]); });
                """);
        @SuppressWarnings("unchecked")
        List<String> violations = (List<String>) found;
        return violations;
    }

    private static String script() {
        try (InputStream pom = Axe.class.getResourceAsStream("/META-INF/maven/org.webjars.npm/axe-core/pom.properties")) {
            Properties webjar = new Properties();
            webjar.load(pom);
            try (InputStream script = Axe.class.getResourceAsStream(
                    "/META-INF/resources/webjars/axe-core/" + webjar.getProperty("version") + "/axe.min.js")) {
                return new String(script.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
