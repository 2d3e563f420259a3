package de.stadtportal.identity.signin.application;

import de.stadtportal.identity.IdentityProperties;
import de.stadtportal.identity.signin.domain.Backoff;
import de.stadtportal.identity.signin.persistence.SignInFailureRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Slows down guessing: counts failed password sign-ins per user name and per address (unknown names
 * count too, as they look the same to the guesser) and answers whether a new attempt must wait. The
 * limit per address is looser, so that one office behind one address is not locked out by one person,
 * and the one per user stricter, so that guessing from many addresses is slowed as well. A success
 * forgets the user name's failures, not the address's.
 */
@Service
public class SignInThrottle {

    private final SignInFailureRepository failures;
    private final Backoff perUser;
    private final Backoff perAddress;
    private final Clock clock;

    public SignInThrottle(SignInFailureRepository failures, IdentityProperties properties, Clock clock) {
        IdentityProperties.SignIn signIn = properties.signIn();
        this.failures = failures;
        this.perUser = new Backoff(signIn.freeFailuresPerUser(), signIn.firstBlock(), signIn.longestBlock());
        this.perAddress = new Backoff(signIn.freeFailuresPerAddress(), signIn.firstBlock(), signIn.longestBlock());
        this.clock = clock;
    }

    /** Until when an attempt for this user name from this address has to wait; empty if it may go ahead. */
    public Optional<Instant> waitUntil(String username, String address) {
        Instant now = clock.instant();
        return failures.blockedUntil(List.of(user(username), address(address))).filter(now::isBefore);
    }

    /** One more failed password sign-in for this user name (known or not) from this address. */
    public void failed(String username, String address) {
        Instant now = clock.instant();
        count(user(username), perUser, now);
        count(address(address), perAddress, now);
    }

    /** A successful sign-in forgets the name's failures (not the address's). */
    public void succeeded(String username) {
        failures.clear(user(username));
    }

    private void count(String subject, Backoff backoff, Instant now) {
        int count = failures.count(subject, now, now.minus(Backoff.FORGET_AFTER));
        backoff.blockedUntil(count, now).ifPresent(until -> failures.block(subject, until));
    }

    private static String user(String username) {
        return "user:" + (username == null ? "" : username.toLowerCase(Locale.ROOT));
    }

    private static String address(String address) {
        return "address:" + address;
    }
}
