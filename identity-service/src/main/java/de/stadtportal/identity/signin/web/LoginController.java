package de.stadtportal.identity.signin.web;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sign-in page: plain HTML, no script, German unless the browser or {@code ?lang=en} asks for English;
 * and the page a person lands on who signed in here directly, not through an app.
 */
@RestController
class LoginController {

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private final MessageSource messages;

    LoginController(MessageSource messages) {
        this.messages = messages;
    }

    @GetMapping(path = "/login", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> login(@RequestParam(required = false) String error,
            @RequestParam(required = false) String logout, CsrfToken csrf, Locale locale) {
        LoginPage page = new LoginPage(messages, locale);
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .contentType(HTML)
                .body(page.render(csrf, error != null, logout != null));
    }

    @GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> signedIn(Principal person, CsrfToken csrf, Locale locale) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .contentType(HTML)
                .body(new LoginPage(messages, locale).renderSignedIn(person.getName(), csrf));
    }
}
