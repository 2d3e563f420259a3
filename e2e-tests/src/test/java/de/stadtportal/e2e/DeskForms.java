package de.stadtportal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The desk's forms and links as the browser tests use them. Every desk form is a plain POST answered
 * by a redirect, and the driver's click does not always wait for the page the redirect or a link leads
 * to: under load (an upload, a rendition, a busy test JVM) the click returns while the old page is
 * still shown, and an element found then belongs to a document that is about to go. So a submission
 * and a followed link wait until the old page is gone and the new one has loaded.
 */
final class DeskForms {

    /** Long enough for a page under a loaded CI machine; a page that needs more is a failure. */
    static final Duration ANSWER = Duration.ofSeconds(30);

    private DeskForms() {
    }

    /** Clicks {@code button} and waits for the page the form's answer leads to. */
    static void submit(ChromeDriver browser, By button) {
        submit(browser, browser.findElement(button));
    }

    /** Clicks {@code button} and waits for the page the form's answer leads to. */
    static void submit(ChromeDriver browser, WebElement button) {
        clickThrough(browser, button);
    }

    /** Follows the link {@code link} and waits for the page it leads to. */
    static void follow(ChromeDriver browser, By link) {
        clickThrough(browser, browser.findElement(link));
    }

    private static void clickThrough(ChromeDriver browser, WebElement clicked) {
        WebElement page = browser.findElement(By.tagName("html"));
        clicked.click();
        WebDriverWait wait = new WebDriverWait(browser, ANSWER);
        wait.until(driver -> gone(page));
        wait.until(driver -> "complete".equals(browser.executeScript("return document.readyState")));
    }

    /**
     * Whether {@code page} has left the browser. Asked while the next page replaces it, Chromium answers
     * either that the element is stale or, a moment earlier, that its node "does not belong to the
     * document" (an inspector error, not a stale element): both say that the old page is gone.
     */
    private static boolean gone(WebElement page) {
        try {
            page.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /**
     * The desk's confirmation on the page shown ({@code .saved}); when there is none, the test fails
     * with what the page says instead (a refusal or a conflict), not with a missing element.
     */
    static String confirmation(ChromeDriver browser) {
        assertThat(browser.findElements(By.cssSelector(".saved")))
                .as("a confirmation on %s, which says: %s", browser.getCurrentUrl(),
                        browser.findElements(By.tagName("main")).stream().map(WebElement::getText).findFirst().orElse(""))
                .isNotEmpty();
        return browser.findElement(By.cssSelector(".saved")).getText();
    }
}
