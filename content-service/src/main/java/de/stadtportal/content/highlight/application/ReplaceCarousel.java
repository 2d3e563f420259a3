package de.stadtportal.content.highlight.application;

import de.stadtportal.content.highlight.domain.Highlight;
import de.stadtportal.kernel.version.IfMatch;
import java.util.List;

/** Replace a city's whole carousel with these highlights, in this order, if it is still as the client read it. */
public record ReplaceCarousel(String city, List<Highlight> highlights, IfMatch ifMatch) {

    public ReplaceCarousel {
        highlights = List.copyOf(highlights);
    }
}
