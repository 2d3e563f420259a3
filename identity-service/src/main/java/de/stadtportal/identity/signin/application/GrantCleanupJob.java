package de.stadtportal.identity.signin.application;

import de.stadtportal.identity.signin.persistence.GrantRepository;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes grants whose codes and tokens have all expired: the library keeps them for ever. One
 * statement, safe on several instances.
 */
@Component
public class GrantCleanupJob {

    private final GrantRepository grants;

    public GrantCleanupJob(GrantRepository grants) {
        this.grants = grants;
    }

    @Scheduled(fixedDelayString = "${stadtportal.identity.grant-cleanup-interval:1h}", initialDelayString = "5m")
    public void deleteExpiredGrants() {
        grants.deleteExpired();
    }
}
