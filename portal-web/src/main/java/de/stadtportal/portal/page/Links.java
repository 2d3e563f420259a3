package de.stadtportal.portal.page;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The portal's own addresses, and the API's paths (highlight links, search hits) turned into them
 * ({@code @links} in the templates). A link to the outside passes only as http(s), so no
 * {@code javascript:} URL an API field might carry ever becomes a link.
 */
@Component("links")
public class Links {

    public static final String SLUG = "[a-z0-9][a-z0-9-]{0,99}";
    public static final String ID = "[0-9a-fA-F-]{1,64}";

    private static final Pattern ARTICLE = Pattern.compile("^/api/cities/(" + SLUG + ")/articles/(" + SLUG + ")(\\?locale=([a-z]{2}))?$");
    private static final Pattern EVENT = Pattern.compile("^/api/events/(" + ID + ")$");
    private static final Pattern VENUE = Pattern.compile("^/api/venues/(" + ID + ")$");
    private static final Pattern WEB = Pattern.compile("^https?://[^\\s\"'<>]+$");

    /** Topic ids as the API knows them, in the order the city page shows them, with their headings. */
    public static final Map<String, String> TOPICS = new LinkedHashMap<>(Map.of("arbeiten", "Arbeiten",
            "business", "Business", "leben", "Leben"));
    /** The three topics of a city portrait, in the order of the page. */
    public static final List<String> PORTRAIT_TOPICS = List.of("arbeiten", "business", "leben");

    public String city(String city) {
        return "/" + city;
    }

    public String article(String city, String slug, String locale) {
        return "/" + city + "/artikel/" + slug + (locale == null || "de".equals(locale) ? "" : "?locale=" + locale);
    }

    public String event(String city, String id) {
        return "/" + city + "/veranstaltungen/" + id;
    }

    public String calendar(String city) {
        return "/" + city + "/veranstaltungen";
    }

    public String venue(String city, String id) {
        return "/" + city + "/orte/" + id;
    }

    /**
     * Where the portal shows what an API path names ({@code /api/events/…} → the event page in
     * {@code city}), an outside http(s) URL as it is, and anything else not at all (null).
     */
    public String of(String apiPath, String city) {
        if (apiPath == null) {
            return null;
        }
        Matcher article = ARTICLE.matcher(apiPath);
        if (article.matches()) {
            return article(article.group(1), article.group(2), article.group(4));
        }
        Matcher event = EVENT.matcher(apiPath);
        if (event.matches()) {
            return event(city, event.group(1));
        }
        Matcher venue = VENUE.matcher(apiPath);
        if (venue.matches()) {
            return venue(city, venue.group(1));
        }
        return outside(apiPath);
    }

    /** An outside address, only when it is http(s). */
    public String outside(String url) {
        return url != null && WEB.matcher(url).matches() ? url : null;
    }

    /**
     * A {@code srcset} value ({@code url 320w, url 640w}) only when every candidate is an http(s)
     * URL with a width, else null: the same rule as {@link #outside} for each of its URLs.
     */
    public String srcset(String srcset) {
        if (srcset == null || srcset.isBlank()) {
            return null;
        }
        for (String candidate : srcset.split(",")) {
            String[] parts = candidate.trim().split(" ");
            if (parts.length != 2 || outside(parts[0]) == null || !parts[1].matches("[1-9][0-9]{0,4}w")) {
                return null;
            }
        }
        return srcset;
    }

    public String topic(String topic) {
        return TOPICS.getOrDefault(topic, topic);
    }
}
