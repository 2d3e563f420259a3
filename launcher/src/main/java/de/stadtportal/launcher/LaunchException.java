package de.stadtportal.launcher;

/** A failure the user can act on; printed as a single clear line, without a stack trace. */
class LaunchException extends RuntimeException {

    LaunchException(String message) {
        super(message);
    }
}
