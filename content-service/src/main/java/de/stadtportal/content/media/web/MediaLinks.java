package de.stadtportal.content.media.web;

import de.stadtportal.content.media.domain.Media;
import de.stadtportal.content.media.domain.RenditionFormat;
import de.stadtportal.content.media.domain.Renditions;
import de.stadtportal.web.WebProperties;
import de.stadtportal.content.media.application.KnownMedia;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import reactor.core.publisher.Mono;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The absolute links of an image's renditions, from the public base URL like every link the
 * platform answers with, and the {@code srcset} strings a page puts into {@code <img>} and
 * {@code <source>} as they are. Articles, cities and highlights use it for the images they name.
 */
@Component
public class MediaLinks {

    private final WebProperties web;
    private final KnownMedia media;

    MediaLinks(WebProperties web, KnownMedia media) {
        this.web = web;
        this.media = media;
    }

    /** The items these ids name, for {@link #image}; null ids are left out. */
    public Mono<Map<UUID, Media>> find(Collection<UUID> ids) {
        Set<UUID> named = new HashSet<>(ids);
        named.remove(null);
        return media.find(named);
    }

    /**
     * The image as answers show it: by URL as it was given, or the library item {@code mediaId}
     * (found among {@code items}) with its renditions and its alt text in {@code locale}, unless
     * the reference gives an alt text of its own.
     */
    public ImageView image(String url, String alt, UUID mediaId, Map<UUID, Media> items, String locale) {
        Media item = mediaId == null ? null : items.get(mediaId);
        if (item == null) {
            return mediaId == null ? ImageView.ofUrl(url, alt)
                    : new ImageView(url, alt, mediaId, null, null, null, null);
        }
        return new ImageView(fallback(item), alt != null ? alt : item.description().alt(locale), mediaId,
                item.width(), item.height(), renditions(item), srcset(item));
    }

    public String self(Media media) {
        return web.link("/api/media/" + media.id());
    }

    /** Every rendition, JPEG first, narrowest first. */
    public List<RenditionLink> renditions(Media media) {
        List<RenditionLink> links = new ArrayList<>();
        for (RenditionFormat format : RenditionFormat.values()) {
            for (int width : media.renditionWidths()) {
                int pixels = Renditions.pixelWidth(width, media.width());
                links.add(new RenditionLink(pixels, Renditions.pixelHeight(pixels, media.width(), media.height()),
                        format.extension(), url(media, width, format)));
            }
        }
        return links;
    }

    /** Per format, the {@code srcset} value: {@code url 320w, url 640w, …}. */
    public Map<String, String> srcset(Media media) {
        Map<String, String> sets = new LinkedHashMap<>();
        for (RenditionFormat format : RenditionFormat.values()) {
            sets.put(format.extension(), media.renditionWidths().stream()
                    .map(width -> url(media, width, format) + " " + Renditions.pixelWidth(width, media.width()) + "w")
                    .collect(Collectors.joining(", ")));
        }
        return sets;
    }

    /** The widest JPEG rendition: the one URL a client that knows nothing of renditions can show. */
    public String fallback(Media media) {
        List<Integer> widths = media.renditionWidths();
        return url(media, widths.get(widths.size() - 1), RenditionFormat.JPG);
    }

    public String url(Media media, int width, RenditionFormat format) {
        return web.link("/api/media/" + media.id() + "/" + width + "." + format.extension().toLowerCase(Locale.ROOT));
    }
}
