package de.stadtportal.identity.signin.application;

import de.stadtportal.identity.signin.persistence.GrantRepository;
import java.time.Clock;
import java.time.Duration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes grants whose codes and tokens have all expired at least an hour ago: the library keeps them
 * for ever. The hour leaves a token that has just expired its row, so a late refresh or revocation
 * is answered as an expired token rather than an unknown one. One statement, safe on several instances.
 * Consents are not touched: they carry no expiry, and no client here asks for consent.
 */
@Component
public class GrantCleanupJob {

    static final Duration GRACE = Duration.ofHours(1);

    private final GrantRepository grants;
    private final Clock clock;

    public GrantCleanupJob(GrantRepository grants, Clock clock) {
        this.grants = grants;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${stadtportal.identity.grant-cleanup-interval:1h}", initialDelayString = "5m")
    public void deleteExpiredGrants() {
        grants.deleteExpired(clock.instant().minus(GRACE));
    }
}
