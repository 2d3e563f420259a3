package de.stadtportal.identity.account.application;

/**
 * Ends what a person signed in to before: their provider sessions (which would hand out new codes
 * without a password) and every grant with its refresh tokens. Implemented by the sign-in feature.
 */
public interface SignOuts {

    void endEverythingOf(String username);
}
