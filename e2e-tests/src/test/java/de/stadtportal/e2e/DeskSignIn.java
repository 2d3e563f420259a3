package de.stadtportal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import de.stadtportal.launcher.LocalPlatform;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An editor's way into the desk in the browser tests, as a person takes it: a desk page sends them
 * to the identity provider's login page, and after the password they are back at {@code /redaktion}.
 * The portal and the provider both live on localhost, so one cookie jar holds both sessions; emptying
 * it signs everybody out.
 */
final class DeskSignIn {

    private DeskSignIn() {
    }

    /** Signs {@code editor} (one of the provider's seeded editors) in and leaves the browser on their cities. */
    static void as(ChromeDriver browser, LocalPlatform platform, String editor) {
        browser.get(platform.gatewayUrl() + "/redaktion");
        assertThat(browser.getCurrentUrl()).startsWith(platform.issuer() + "/login");
        browser.findElement(By.id("username")).sendKeys(editor);
        browser.findElement(By.id("password")).sendKeys(RunningPlatform.editorPassword());
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        // the answer is a chain of redirects (the provider, the portal's callback with its token request, the
        // desk), which a click does not wait for to its end on a busy machine: the wait names the URL it ended at
        new WebDriverWait(browser, DeskForms.ANSWER).until(ExpectedConditions.urlToBe(platform.gatewayUrl() + "/redaktion"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Ihre Städte");
    }

    /** Ends every session of the browser, the desk's and the provider's. */
    static void nobody(ChromeDriver browser, LocalPlatform platform) {
        browser.get(platform.gatewayUrl() + "/robots.txt");
        browser.manage().deleteAllCookies();
    }
}
