package de.stadtportal.identity.key.application;

import de.stadtportal.identity.key.domain.SigningKey;
import de.stadtportal.kernel.Caller;
import java.util.List;
import org.springframework.stereotype.Service;

/** The administrators' use cases on signing keys. */
@Service
public class KeyService {

    private final SigningKeys keys;

    public KeyService(SigningKeys keys) {
        this.keys = keys;
    }

    public List<SigningKey> list(Caller caller) {
        caller.requireAdmin();
        return keys.ring().keys();
    }

    public SigningKey rotate(Caller caller) {
        caller.requireAdmin();
        return keys.rotate();
    }
}
