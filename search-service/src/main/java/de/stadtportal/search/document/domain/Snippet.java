package de.stadtportal.search.document.domain;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts the few words around the first match out of a text and marks the matching words with
 * {@code <mark>}. The text is the original (unfolded) one, so the reader sees {@code Müller} even
 * where {@code Mueller} was searched; which words match is decided by their folded form. Everything
 * else is HTML-escaped here, so no markup from content can reach a client unescaped.
 */
public final class Snippet {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}\\p{M}]+");

    private Snippet() {
    }

    /** Whether any word of the text is among the matching folded words. */
    public static boolean matches(String text, Set<String> matching) {
        Matcher words = WORD.matcher(normalized(text));
        while (words.find()) {
            if (matching.contains(GermanFolding.fold(words.group()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param matching folded words that count as matches
     * @param maxWords how many words the snippet holds at most
     */
    public static String of(String text, Set<String> matching, int maxWords) {
        String source = normalized(text);
        List<int[]> spans = new ArrayList<>();
        int first = -1;
        Matcher words = WORD.matcher(source);
        while (words.find()) {
            if (first < 0 && matching.contains(GermanFolding.fold(words.group()))) {
                first = spans.size();
            }
            spans.add(new int[] {words.start(), words.end()});
        }
        if (spans.isEmpty()) {
            return "";
        }
        int from = first < 0 ? 0 : Math.max(0, Math.min(first - maxWords / 4, spans.size() - maxWords));
        int to = Math.min(spans.size(), from + maxWords);
        int start = from == 0 ? 0 : spans.get(from)[0];
        int end = to == spans.size() ? source.length() : spans.get(to - 1)[1];

        StringBuilder snippet = new StringBuilder();
        if (from > 0) {
            snippet.append("… ");
        }
        int position = start;
        for (int i = from; i < to; i++) {
            int[] span = spans.get(i);
            escape(source.substring(position, span[0]), snippet);
            String word = source.substring(span[0], span[1]);
            if (matching.contains(GermanFolding.fold(word))) {
                snippet.append("<mark>");
                escape(word, snippet);
                snippet.append("</mark>");
            } else {
                escape(word, snippet);
            }
            position = span[1];
        }
        escape(source.substring(position, end), snippet);
        if (to < spans.size()) {
            snippet.append(" …");
        }
        return snippet.toString().strip();
    }

    private static String normalized(String text) {
        return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    private static void escape(String text, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
    }
}
