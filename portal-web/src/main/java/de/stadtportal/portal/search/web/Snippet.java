package de.stadtportal.portal.search.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;

/**
 * A search snippet made safe to write as HTML: the API marks matches with {@code <mark>} in
 * otherwise escaped text. Everything but those two tags is read as text (the API's escapes undone
 * once) and escaped again here, so whatever a snippet carries, the only markup that reaches the
 * page is a balanced {@code <mark>…</mark>}.
 */
final class Snippet {

    private static final Pattern MARK = Pattern.compile("</?mark>", Pattern.CASE_INSENSITIVE);

    private Snippet() {
    }

    static String html(String snippet) {
        if (snippet == null) {
            return "";
        }
        StringBuilder html = new StringBuilder();
        Matcher tags = MARK.matcher(snippet);
        int at = 0;
        boolean open = false;
        while (tags.find()) {
            html.append(text(snippet.substring(at, tags.start())));
            boolean closing = tags.group().charAt(1) == '/';
            if (!closing && !open) {
                html.append("<mark>");
                open = true;
            } else if (closing && open) {
                html.append("</mark>");
                open = false;
            }
            at = tags.end();
        }
        html.append(text(snippet.substring(at)));
        if (open) {
            html.append("</mark>");
        }
        return html.toString();
    }

    private static String text(String escaped) {
        return HtmlUtils.htmlEscape(HtmlUtils.htmlUnescape(escaped), "UTF-8");
    }
}
