package de.stadtportal.identity.key.application;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the keys fresh: at the first start it creates one; every minute it picks up rotations made by
 * other instances; on every pass it rotates when the signing key is older than {@code rotate-after}, and deletes
 * retired keys whose tokens have expired. Rotation under an advisory lock, so several instances can run it.
 */
@Component
public class KeyRotationJob implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(KeyRotationJob.class);

    private final SigningKeys keys;
    private final Clock clock;

    public KeyRotationJob(SigningKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /** Before the web server takes requests: no token can be asked for while there is no key. */
    @Override
    public void afterSingletonsInstantiated() {
        keys.ensureSigningKey();
    }

    @Scheduled(fixedDelayString = "${stadtportal.identity.keys.reload-interval:60s}",
            initialDelayString = "${stadtportal.identity.keys.reload-interval:60s}")
    public void reload() {
        keys.reload();
    }

    @Scheduled(fixedDelayString = "${stadtportal.identity.keys.check-interval:1h}",
            initialDelayString = "${stadtportal.identity.keys.check-interval:1h}")
    public void pass() {
        keys.reload();
        if (keys.ring().needsRotation(clock.instant())) {
            log.info("Signing key {} is due for rotation", keys.signingKid());
            keys.rotate();
        }
        keys.deleteExpired().forEach(key -> log.info("Retired signing key {} deleted: its tokens have expired",
                key.kid()));
    }
}
