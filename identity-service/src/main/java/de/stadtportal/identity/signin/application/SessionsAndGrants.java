package de.stadtportal.identity.signin.application;

import de.stadtportal.identity.account.application.SignOuts;
import de.stadtportal.identity.signin.persistence.GrantRepository;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Service;

/**
 * Ends a person's provider sessions (marked expired in the registry the session filter consults on
 * every request) and deletes their grants, which hold the refresh tokens. Access tokens already out
 * stay valid until they expire: they are verified by other services without asking back.
 */
@Service
public class SessionsAndGrants implements SignOuts {

    private final SessionRegistry sessions;
    private final GrantRepository grants;

    public SessionsAndGrants(SessionRegistry sessions, GrantRepository grants) {
        this.sessions = sessions;
        this.grants = grants;
    }

    @Override
    public void endEverythingOf(String username) {
        grants.deleteAllOf(username);
        sessions.getAllPrincipals().stream()
                .filter(principal -> principal instanceof UserDetails user && user.getUsername().equals(username))
                .flatMap(principal -> sessions.getAllSessions(principal, false).stream())
                .forEach(SessionInformation::expireNow);
    }
}
