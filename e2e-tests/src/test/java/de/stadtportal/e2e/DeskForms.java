package de.stadtportal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The desk's forms as the browser tests send them. Every desk form is a plain POST answered by a
 * redirect, and the driver's click does not always wait for the page the redirect leads to: under
 * load (an upload, a rendition, a busy test JVM) the click returns while the old page is still shown.
 * So a submission waits until the old page is gone and the new one has loaded.
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
        WebElement page = browser.findElement(By.tagName("html"));
        button.click();
        WebDriverWait wait = new WebDriverWait(browser, ANSWER);
        wait.until(ExpectedConditions.stalenessOf(page));
        wait.until(driver -> "complete".equals(browser.executeScript("return document.readyState")));
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
