package de.stadtportal.portal.page;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** The thing a page shows does not exist (the API said 404): the visitor gets the 404 page in the frame. */
public class PageNotFound extends ResponseStatusException {

    public PageNotFound(String what) {
        super(HttpStatus.NOT_FOUND, what + " does not exist");
    }
}
