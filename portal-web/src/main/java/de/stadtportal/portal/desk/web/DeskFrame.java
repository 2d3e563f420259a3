package de.stadtportal.portal.desk.web;

import java.util.Locale;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.reactive.result.view.CsrfRequestDataValueProcessor;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * What every desk page's frame needs: the CSRF token resolved before rendering (WebFlux keeps it
 * lazy; Thymeleaf's {@code th:action} forms then carry it as a hidden field), the editor's name for
 * the sign-out, and the page's language. Scoped to the desk, so visitor pages never open a session.
 */
@ControllerAdvice(basePackageClasses = DeskFrame.class)
class DeskFrame {

    @ModelAttribute("_csrf")
    Mono<CsrfToken> csrfToken(ServerWebExchange exchange) {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        return token == null ? Mono.empty() : token.doOnSuccess(resolved -> exchange.getAttributes()
                .put(CsrfRequestDataValueProcessor.DEFAULT_CSRF_ATTR_NAME, resolved));
    }

    @ModelAttribute("editorName")
    String editorName(@AuthenticationPrincipal OidcUser user) {
        if (user == null) {
            return "";
        }
        String name = user.getFullName();
        return name == null || name.isBlank() ? user.getSubject() : name;
    }

    @ModelAttribute("lang")
    String lang(ServerWebExchange exchange) {
        return language(exchange).getLanguage();
    }

    /** English for editors whose browser asks for it first, German otherwise. */
    static Locale language(ServerWebExchange exchange) {
        Locale asked = exchange.getLocaleContext().getLocale();
        return asked != null && "en".equals(asked.getLanguage()) ? Locale.ENGLISH : Locale.GERMAN;
    }
}
