package de.stadtportal.identity.account.domain;

/** Turns a password into what is stored; the application layer lends Spring Security's delegating encoder. */
@FunctionalInterface
public interface PasswordHasher {

    String hash(String password);
}
