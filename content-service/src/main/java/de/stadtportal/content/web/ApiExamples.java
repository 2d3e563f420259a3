package de.stadtportal.content.web;

/** Request bodies as the API document shows them: what an app sends, ready to try. */
public final class ApiExamples {

    public static final String CITY = """
            {"name": "Bochum", "claim": "Die Ermöglicherstadt", "motto": "Tief im Westen",
             "intro": "Bochum liegt mitten im Ruhrgebiet.", "facts": {"Einwohner": "365.000"},
             "heroImage": {"url": "https://example.org/bochum.jpg", "alt": "Das Bergbau-Museum"},
             "neighbours": ["dortmund", "essen"]}""";

    public static final String ARTICLE = """
            {"title": "Zechenkunst im Revier", "subtitle": "Ein Streifzug", "topic": "kultur", "locale": "de",
             "summary": "Wo früher gearbeitet wurde, wird heute gefeiert.",
             "body": "Ein **kurzer** Text in Markdown.", "tags": ["revier", "kunst"],
             "heroImage": {"url": "https://example.org/zeche.jpg", "alt": "Ein Förderturm"},
             "slug": "zechenkunst-im-revier"}""";

    public static final String PUBLICATION = """
            {"publishAt": "2027-03-20T10:00:00+01:00"}""";

    public static final String CAROUSEL = """
            {"items": [{"title": "Sommerfest", "link": {"kind": "url", "target": "https://example.org/sommerfest"},
              "image": {"url": "https://example.org/teaser.jpg", "alt": "Lichter im Park"},
              "validFrom": "2027-06-01T00:00:00+02:00", "validUntil": "2027-06-30T23:59:59+02:00"}]}""";

    private ApiExamples() {
    }
}
