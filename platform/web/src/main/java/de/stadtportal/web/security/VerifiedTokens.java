package de.stadtportal.web.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Checks a token's signature once and remembers the result for a few minutes.
 * <p>
 * A client sends the same bearer token with every request for as long as it lives, and verifying an
 * RS256 signature is the most expensive step of a write (a fifth of the gateway's and of a service's
 * CPU under write load, measured with JFR). Only tokens whose signature and claims passed are kept,
 * keyed by the whole token text, so a forged or altered token is never served from here; the
 * claims validator (expiry, not-before, issuer, audience) runs again on every use, so a remembered
 * token stops working the moment it expires. Entries live at most {@link #REMEMBERED}, which bounds how long a
 * token stays accepted after its signing key was withdrawn from the key set.
 */
final class VerifiedTokens implements ReactiveJwtDecoder {

    static final Duration REMEMBERED = Duration.ofMinutes(5);
    static final int MOST_TOKENS = 4_096;

    private final ReactiveJwtDecoder verifier;
    private final OAuth2TokenValidator<Jwt> claims;
    private final Cache<String, Jwt> verified = Caffeine.newBuilder()
            .maximumSize(MOST_TOKENS)
            .expireAfterWrite(REMEMBERED)
            .build();

    /**
     * @param verifier checks the signature and then {@code claims}
     * @param claims   the same claims validator the verifier applies
     */
    VerifiedTokens(ReactiveJwtDecoder verifier, OAuth2TokenValidator<Jwt> claims) {
        this.verifier = verifier;
        this.claims = claims;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = verified.getIfPresent(token);
        if (known != null) {
            if (!claims.validate(known).hasErrors()) {
                return Mono.just(known);
            }
            verified.invalidate(token);
        }
        return verifier.decode(token).doOnNext(jwt -> verified.put(token, jwt));
    }
}
