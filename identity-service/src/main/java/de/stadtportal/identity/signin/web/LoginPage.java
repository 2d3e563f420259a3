package de.stadtportal.identity.signin.web;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.util.HtmlUtils;

/**
 * The login page's HTML, from the messages of one language. Every text is escaped; the CSRF token
 * travels in a hidden field, so the form works without JavaScript. A failed sign-in shows one
 * sentence whatever the cause (wrong password, unknown name, disabled, waiting after failures).
 */
final class LoginPage {

    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="%1$s">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>%2$s</title>
            <style>
            body{font-family:system-ui,sans-serif;max-width:24rem;margin:4rem auto;padding:0 1rem}
            label,input,button{display:block;width:100%%;box-sizing:border-box;margin:.4rem 0}
            input,button{padding:.5rem;font-size:1rem}.notice{padding:.5rem;border:1px solid #b00}
            </style>
            </head>
            <body>
            <main>
            <h1>%2$s</h1>
            %3$s
            <form method="post" action="/login">
            <label for="username">%4$s</label>
            <input id="username" name="username" autocomplete="username" required autofocus>
            <label for="password">%5$s</label>
            <input id="password" name="password" type="password" autocomplete="current-password" required>
            <input type="hidden" name="%6$s" value="%7$s">
            <button type="submit">%8$s</button>
            </form>
            <p><a href="/login?lang=%9$s" hreflang="%9$s">%10$s</a></p>
            </main>
            </body>
            </html>
            """;

    private final MessageSource messages;
    private final Locale locale;

    LoginPage(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.GERMAN;
    }

    String render(CsrfToken csrf, boolean failed, boolean signedOut) {
        String notice = failed ? "<p class=\"notice\" role=\"alert\">" + text("login.failed") + "</p>"
                : signedOut ? "<p role=\"status\">" + text("login.signed-out") + "</p>" : "";
        String other = locale == Locale.ENGLISH ? "de" : "en";
        return PAGE.formatted(locale.getLanguage(), text("login.title"), notice, text("login.username"),
                text("login.password"), HtmlUtils.htmlEscape(csrf.getParameterName()),
                HtmlUtils.htmlEscape(csrf.getToken()), text("login.submit"), other, text("login.other-language"));
    }

    private String text(String code) {
        return HtmlUtils.htmlEscape(messages.getMessage(code, null, locale), "UTF-8");
    }
}
