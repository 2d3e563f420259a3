package de.stadtportal.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.stadtportal.testing.security.Tokens;
import de.stadtportal.testing.time.MovableClock;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

class VerifiedTokensTest {

    /**
     * Starts a minute ahead, so a token signed after it was made is valid even when making the test's
     * keys took a loaded machine several seconds.
     */
    private final MovableClock clock = new MovableClock(Instant.now().plusSeconds(60));
    private final JwtTimestampValidator claims = new JwtTimestampValidator(Duration.ZERO);
    private final AtomicInteger signatureChecks = new AtomicInteger();
    private final ReactiveJwtDecoder tokens;

    VerifiedTokensTest() {
        claims.setClock(clock);
        NimbusReactiveJwtDecoder nimbus = NimbusReactiveJwtDecoder
                .withPublicKey((RSAPublicKey) Tokens.trustedPublicKey())
                .signatureAlgorithm(SignatureAlgorithm.RS256).build();
        nimbus.setJwtValidator(claims);
        ReactiveJwtDecoder counting = token -> {
            signatureChecks.incrementAndGet();
            return nimbus.decode(token);
        };
        tokens = new VerifiedTokens(counting, claims);
    }

    @Test
    void a_token_sent_again_is_not_verified_again() {
        String token = Tokens.editor("bochum");
        Jwt first = tokens.decode(token).block();
        Jwt second = tokens.decode(token).block();
        Jwt third = tokens.decode(token).block();

        assertThat(signatureChecks).hasValue(1);
        assertThat(second).isSameAs(first);
        assertThat(third.getClaimAsStringList("cities")).containsExactly("bochum");
    }

    @Test
    void a_remembered_token_is_refused_the_moment_it_expires() {
        String token = Tokens.editor("bochum");
        assertThat(tokens.decode(token).block()).isNotNull();

        clock.advance(Duration.ofMinutes(16));

        assertThatThrownBy(() -> tokens.decode(token).block()).isInstanceOf(BadJwtException.class)
                .hasMessageContaining("expired");
        assertThatThrownBy(() -> tokens.decode(token).block()).isInstanceOf(BadJwtException.class);
    }

    @Test
    void a_forged_or_altered_token_is_checked_every_time_and_never_remembered() {
        String forged = Tokens.builder().roles("editor").cities("bochum").forged().sign();
        String genuine = Tokens.editor("bochum");
        String altered = genuine.substring(0, genuine.length() - 4) + (genuine.endsWith("AAAA") ? "BBBB" : "AAAA");

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> tokens.decode(forged).block()).isInstanceOf(BadJwtException.class);
            assertThatThrownBy(() -> tokens.decode(altered).block()).isInstanceOf(BadJwtException.class);
        }
        assertThat(signatureChecks).hasValue(6);
    }
}
