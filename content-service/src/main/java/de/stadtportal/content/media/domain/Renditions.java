package de.stadtportal.content.media.domain;

import de.stadtportal.kernel.refusal.NotFound;
import java.util.ArrayList;
import java.util.List;

/**
 * The fixed widths renditions are made in. A fixed set keeps the cache small and the URLs few, which
 * is what {@code srcset} needs. Nothing is ever upscaled: an image is offered in the standard widths
 * up to its own; one narrower than the smallest is offered once, at the smallest width's URL, in
 * its own pixel width. A width above what is offered is not found, so a client never gets blurred
 * pixels under a URL that promises more.
 */
public final class Renditions {

    public static final List<Integer> WIDTHS = List.of(320, 640, 1024, 1600);

    private Renditions() {
    }

    /** The standard widths offered for an original {@code originalWidth} pixels wide. */
    public static List<Integer> offered(int originalWidth) {
        List<Integer> widths = new ArrayList<>();
        for (int width : WIDTHS) {
            if (width <= originalWidth) {
                widths.add(width);
            }
        }
        return widths.isEmpty() ? List.of(WIDTHS.get(0)) : List.copyOf(widths);
    }

    /** The pixel width of the rendition named {@code width}: never more than the original. */
    public static int pixelWidth(int width, int originalWidth) {
        return Math.min(width, originalWidth);
    }

    /** The pixel height that keeps the original's aspect ratio, at least one pixel. */
    public static int pixelHeight(int pixelWidth, int originalWidth, int originalHeight) {
        return Math.max(1, (int) Math.round((double) originalHeight * pixelWidth / originalWidth));
    }

    /** Refuses a width this item is not offered in. */
    public static void requireOffered(int width, int originalWidth) {
        if (!offered(originalWidth).contains(width)) {
            throw new NotFound("This image is offered in the widths " + offered(originalWidth) + " only");
        }
    }
}
