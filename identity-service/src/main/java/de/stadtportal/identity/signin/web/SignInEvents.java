package de.stadtportal.identity.signin.web;

import de.stadtportal.identity.signin.application.SignInThrottle;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Hands the outcomes of posted login forms to the throttle. Spring Security publishes them for every
 * authentication; only password sign-ins from the form carry web details, so bearer tokens and
 * client authentication at the token endpoint are left out. Unknown names fail as bad credentials too.
 */
@Component
class SignInEvents {

    private final SignInThrottle throttle;

    SignInEvents(SignInThrottle throttle) {
        this.throttle = throttle;
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        formSignIn(event.getAuthentication())
                .ifPresent(details -> throttle.failed(event.getAuthentication().getName(), details.getRemoteAddress()));
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        formSignIn(event.getAuthentication())
                .ifPresent(details -> throttle.succeeded(event.getAuthentication().getName()));
    }

    private static Optional<WebAuthenticationDetails> formSignIn(Authentication authentication) {
        if (authentication instanceof UsernamePasswordAuthenticationToken
                && authentication.getDetails() instanceof WebAuthenticationDetails details) {
            return Optional.of(details);
        }
        return Optional.empty();
    }
}
