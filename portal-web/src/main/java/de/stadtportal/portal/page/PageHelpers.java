package de.stadtportal.portal.page;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the helpers every template uses into each page's model ({@code links}, {@code dates},
 * {@code eventStatus}): Thymeleaf evaluates URL attributes in a restricted mode that refuses bean
 * references, so the helpers travel as ordinary model values.
 */
@ControllerAdvice
class PageHelpers {

    private final Links links;
    private final Dates dates;
    private final EventStatus eventStatus;

    PageHelpers(Links links, Dates dates, EventStatus eventStatus) {
        this.links = links;
        this.dates = dates;
        this.eventStatus = eventStatus;
    }

    @ModelAttribute("links")
    Links links() {
        return links;
    }

    @ModelAttribute("dates")
    Dates dates() {
        return dates;
    }

    @ModelAttribute("eventStatus")
    EventStatus eventStatus() {
        return eventStatus;
    }
}
