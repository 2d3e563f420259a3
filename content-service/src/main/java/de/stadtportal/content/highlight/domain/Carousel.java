package de.stadtportal.content.highlight.domain;

import de.stadtportal.kernel.version.EntityTags;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A city's carousel as stored, with its version (0 before the first replacement) and, for each
 * linked article that still exists, whether visitors can read it. What it shows depends on the
 * moment (teasers expire) and on who looks (visitors never get a link to a draft).
 */
public record Carousel(String city, long version, List<Highlight> highlights, Map<String, Boolean> articles) {

    public Carousel {
        highlights = List.copyOf(highlights);
        articles = Map.copyOf(articles);
    }

    /** A teaser as shown: its position in the stored order and, for editors, why visitors do not see it. */
    public record Teaser(int position, Highlight highlight, boolean linksDraft, List<String> warnings) {

        public Teaser {
            warnings = List.copyOf(warnings);
        }
    }

    /** What a carousel shows at a moment to visitors or to editors, and the entity tag of exactly that. */
    public record Shown(String city, List<Teaser> teasers, String entityTag) {

        public Shown {
            teasers = List.copyOf(teasers);
        }
    }

    public Shown at(Instant now, boolean forEditors) {
        return new Shown(city, teasersAt(now, forEditors), entityTag(now, forEditors));
    }

    /**
     * Every stored teaser, expired and future ones too, for the editors who replace the carousel as a
     * whole: a replacement written from the valid teasers alone would drop the others unseen. Its tag
     * changes with the version and with which linked articles visitors can read, never with the
     * clock, so a carousel read on Monday is still the one replaced on Friday if nobody changed it.
     */
    public Shown stored() {
        List<Teaser> all = new ArrayList<>();
        StringBuilder state = new StringBuilder();
        for (int i = 0; i < highlights.size(); i++) {
            Highlight highlight = highlights.get(i);
            String warning = warning(highlight);
            all.add(new Teaser(i + 1, highlight, warning != null && articles.containsKey(highlight.link().target()),
                    warning == null ? List.of() : List.of(warning)));
            state.append(warning == null ? '1' : 'h');
        }
        return new Shown(city, all, EntityTags.of("highlights", city, version, state.isEmpty() ? "none" : state,
                "stored"));
    }

    /**
     * The valid teasers with their position in the stored order. Visitors get only those whose
     * link they can follow (not a draft's slug); editors get all, with a warning on the others.
     */
    List<Teaser> teasersAt(Instant now, boolean forEditors) {
        List<Teaser> shown = new ArrayList<>();
        for (int i = 0; i < highlights.size(); i++) {
            Highlight highlight = highlights.get(i);
            if (!highlight.isValidAt(now)) {
                continue;
            }
            String warning = warning(highlight);
            if (warning == null) {
                shown.add(new Teaser(i + 1, highlight, false, List.of()));
            } else if (forEditors) {
                shown.add(new Teaser(i + 1, highlight, articles.containsKey(highlight.link().target()),
                        List.of(warning)));
            }
        }
        return shown;
    }

    /**
     * Changes with the version, with which teasers are valid and with which are hidden from
     * visitors (so publishing a linked draft changes it); the editors' view, when it shows more,
     * has a tag of its own. A replacement may name either.
     */
    public String entityTag(Instant now, boolean forEditors) {
        StringBuilder state = new StringBuilder();
        boolean hidden = false;
        for (Highlight highlight : highlights) {
            boolean valid = highlight.isValidAt(now);
            boolean visible = warning(highlight) == null;
            hidden |= valid && !visible;
            state.append(!valid ? '0' : visible ? '1' : 'h');
        }
        return forEditors && hidden
                ? EntityTags.of("highlights", city, version, state, "editors")
                : EntityTags.of("highlights", city, version, state.isEmpty() ? "none" : state);
    }

    /** Why visitors do not see a highlight, or null when they do. */
    private String warning(Highlight highlight) {
        if (highlight.link().kind() != Highlight.Kind.ARTICLE) {
            return null;
        }
        Boolean readable = articles.get(highlight.link().target());
        if (readable == null) {
            return "The linked article '" + highlight.link().target()
                    + "' no longer exists; visitors do not see this highlight";
        }
        return readable ? null : "The linked article '" + highlight.link().target()
                + "' is a draft; visitors see this highlight once it is published";
    }
}
