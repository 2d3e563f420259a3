package de.stadtportal.search.document.domain;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Folds German text so that spellings people use interchangeably meet: {@code Müller} and
 * {@code Mueller}, {@code Straße} and {@code Strasse}, {@code Café} and {@code Cafe}. Umlauts
 * become their two-letter forms (not the bare vowel, which would merge {@code schon} and
 * {@code schön}), {@code ß} becomes {@code ss}, other accents are dropped and everything is lower
 * case. Documents and queries both pass through {@link #fold} before PostgreSQL sees them; there
 * is no second implementation in SQL that could drift apart from this one.
 * <p>
 * People also type umlauts as the bare vowel ({@code Munchen}, {@code Kuche}). Folding that way
 * would merge {@code schon} and {@code schön}, so it is not the fold; instead each vocabulary word
 * written with umlauts also remembers its {@link #withoutUmlauts} spelling, and a query word equal
 * to it is widened with the umlaut word (the exact spelling still ranks first).
 */
public final class GermanFolding {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    /** Control characters (NUL above all) mean nothing in text and cannot be stored in PostgreSQL. */
    private static final Pattern CONTROLS = Pattern.compile("\\p{Cc}");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    /** What separates the tokens of a text; combining marks belong to their letter. */
    private static final Pattern TOKEN = Pattern.compile("[^\\p{L}\\p{N}\\p{M}]+");
    /** Words longer than this are noise (hashes, URLs without separators) and stay out of the vocabulary. */
    private static final int LONGEST_WORD = 48;

    private GermanFolding() {
    }

    public static String fold(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String lower = CONTROLS.matcher(Normalizer.normalize(text, Normalizer.Form.NFC)).replaceAll(" ")
                .toLowerCase(Locale.ROOT);
        StringBuilder folded = new StringBuilder(lower.length() + 8);
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            switch (c) {
                case 'ä' -> folded.append("ae");
                case 'ö' -> folded.append("oe");
                case 'ü' -> folded.append("ue");
                case 'ß', 'ẞ' -> folded.append("ss");
                default -> folded.append(c);
            }
        }
        return MARKS.matcher(Normalizer.normalize(folded, Normalizer.Form.NFD)).replaceAll("");
    }

    /**
     * A text as typed without its umlauts: {@code Küche → kuche}, {@code Düsseldorf → dusseldorf};
     * otherwise folded like {@link #fold} ({@code ß → ss}, accents dropped, lower case).
     */
    public static String withoutUmlauts(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String decomposed = Normalizer.normalize(CONTROLS.matcher(text).replaceAll(" "), Normalizer.Form.NFD)
                .toLowerCase(Locale.ROOT);
        return fold(MARKS.matcher(decomposed).replaceAll(""));
    }

    /**
     * For each folded word of a text that was written with an umlaut, its spelling without:
     * {@code kueche → kuche}. Words without umlauts (also {@code Mueller}, already folded) are left out.
     */
    public static Map<String, String> umlautless(String text) {
        Map<String, String> words = new LinkedHashMap<>();
        if (text == null) {
            return words;
        }
        for (String token : TOKEN.split(Normalizer.normalize(text, Normalizer.Form.NFC))) {
            String folded = NOT_WORD.matcher(fold(token)).replaceAll("");
            String bare = NOT_WORD.matcher(withoutUmlauts(token)).replaceAll("");
            if (!folded.isEmpty() && folded.length() <= LONGEST_WORD && !bare.isEmpty() && !bare.equals(folded)) {
                words.putIfAbsent(folded, bare);
            }
        }
        return words;
    }

    /** The folded words of a text, in order, repeats included. */
    public static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String word : NOT_WORD.split(fold(text))) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    /** The folded words of a text joined by single spaces: the key for comparing whole titles. */
    public static String key(String text) {
        return String.join(" ", words(text));
    }

    /**
     * Each distinct folded word of a text with the spelling it had first, e.g. {@code musikforum →
     * Musikforum}; what suggestions show and what query words are widened with.
     */
    public static Map<String, String> vocabulary(String text) {
        Map<String, String> words = new LinkedHashMap<>();
        if (text == null) {
            return words;
        }
        for (String token : TOKEN.split(Normalizer.normalize(text, Normalizer.Form.NFC))) {
            String folded = NOT_WORD.matcher(fold(token)).replaceAll("");
            if (!folded.isEmpty() && folded.length() <= LONGEST_WORD) {
                words.putIfAbsent(folded, token);
            }
        }
        return words;
    }
}
