package de.stadtportal.portal.api;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * The API did not answer usefully (5xx, timeout, no connection). A page part catches it and is
 * shown as unavailable; a page that cannot exist without it (the city of a city page) becomes 503.
 */
public class ApiUnavailable extends ResponseStatusException {

    public ApiUnavailable(String what, Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, what + " is not available just now", cause);
    }
}
