package de.stadtportal.portal.feed.web;

import org.springframework.web.util.HtmlUtils;

/** Text and attribute values inside the XML the feeds write: the five markup characters escaped. */
final class Xml {

    private Xml() {
    }

    static String text(String value) {
        return value == null ? "" : HtmlUtils.htmlEscape(value, "UTF-8").replace("&#39;", "&apos;");
    }
}
