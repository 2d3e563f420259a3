package de.stadtportal.content.article.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Slugs are the readable last part of an article's URL. German letters are spelled out the way
 * Germans write them without umlauts (Straße becomes strasse, Müller becomes mueller) rather than
 * stripped, so the slug still reads as the word; other accents are dropped.
 */
public final class Slugs {

    public static final int MAX_LENGTH = 120;
    public static final String PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$";
    private static final Pattern VALID = Pattern.compile(PATTERN);
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^a-z0-9]+");
    private static final String FALLBACK = "artikel";

    private Slugs() {
    }

    public static boolean isValid(String slug) {
        return slug != null && slug.length() <= MAX_LENGTH && VALID.matcher(slug).matches();
    }

    /** The slug a title suggests: lower case, umlauts and ß spelled out, words joined by single hyphens. */
    public static String derive(String title) {
        String text = title == null ? "" : title.toLowerCase(Locale.GERMAN)
                .replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
                .replace("ẞ", "ss");
        text = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        text = SEPARATORS.matcher(text).replaceAll("-");
        text = trimHyphens(text);
        if (text.length() > MAX_LENGTH) {
            text = trimHyphens(text.substring(0, MAX_LENGTH));
        }
        return text.isEmpty() ? FALLBACK : text;
    }

    /**
     * {@code base} if nobody uses it, otherwise the first of {@code base-2}, {@code base-3}, ...
     * that is free; the base is shortened where needed so that the suffix still fits.
     */
    public static String firstFree(String base, Set<String> taken) {
        if (!taken.contains(base)) {
            return base;
        }
        for (int n = 2; ; n++) {
            String suffix = "-" + n;
            String stem = base.length() + suffix.length() > MAX_LENGTH
                    ? trimHyphens(base.substring(0, MAX_LENGTH - suffix.length()))
                    : base;
            String candidate = stem + suffix;
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
    }

    private static String trimHyphens(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) == '-') {
            start++;
        }
        while (end > start && text.charAt(end - 1) == '-') {
            end--;
        }
        return text.substring(start, end);
    }
}
