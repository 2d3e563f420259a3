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

    private static final String SIGNED_IN = """
            <!DOCTYPE html>
            <html lang="%1$s">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>%2$s</title>
            </head>
            <body>
            <main>
            <h1>%2$s</h1>
            <p>%3$s</p>
            <form method="post" action="/logout">
            <input type="hidden" name="%4$s" value="%5$s">
            <button type="submit">%6$s</button>
            </form>
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

    /** What a person sees who signed in here directly rather than through an app: who they are, and a way out. */
    String renderSignedIn(String username, CsrfToken csrf) {
        return SIGNED_IN.formatted(locale.getLanguage(), text("login.title"), text("home.signed-in", username),
                HtmlUtils.htmlEscape(csrf.getParameterName()), HtmlUtils.htmlEscape(csrf.getToken()),
                text("home.sign-out"));
    }

    private String text(String code, Object... arguments) {
        return HtmlUtils.htmlEscape(messages.getMessage(code, arguments, locale), "UTF-8");
    }
}
