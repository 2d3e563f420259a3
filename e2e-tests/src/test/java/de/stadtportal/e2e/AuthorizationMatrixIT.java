package de.stadtportal.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import de.stadtportal.launcher.LocalPlatform;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every write endpoint of SPEC §3 (and the editors' revisions) against every kind of caller, through
 * the gateway. Each cell works on a resource of its own, made by an admin just before, so that an
 * allowed write never collides with another; a refused one must leave its resource as it was, read
 * back through the API. That the read-back would notice is shown by the allowed cells: for them it
 * must see the change. The callers with rights (and the editor of another city) hold tokens the
 * platform's identity provider gave them; the broken tokens are minted with its key, each broken in
 * the one way its row names.
 */
class AuthorizationMatrixIT {

    private static Gateway gateway;
    private static PlatformIssuer issuer;
    private static CityOfItsOwn city;
    private static String venueId;
    private static String editorOfTheCity;
    private static String editorOfBochum;
    private static String admin;

    @BeforeAll
    static void aCityOfItsOwn() {
        LocalPlatform platform = RunningPlatform.get();
        gateway = new Gateway(platform.gatewayUrl());
        issuer = PlatformIssuer.of(RunningPlatform.get());
        city = CityOfItsOwn.create(gateway, issuer, "Schlossberg");
        venueId = city.firstVenue("Torhaus");
        editorOfTheCity = platform.token("editor", city.slug());
        editorOfBochum = platform.token("editor", "bochum");
        admin = platform.token("admin", "*");
    }

    /** Who asks. {@code status} is what a refusal must answer; -1 where the write is allowed. */
    enum Caller {
        NO_TOKEN("no token", 401),
        EXPIRED("an expired token", 401),
        BAD_SIGNATURE("a token with a bad signature", 401),
        FOREIGN_ISSUER("a token of another issuer", 401),
        NO_ROLE("a token without a role", 403),
        EDITOR_OF_ANOTHER_CITY("an editor of another city", 403),
        EDITOR("an editor of the city", -1),
        ADMIN("an admin", -1);

        final String who;
        final int refusal;

        Caller(String who, int refusal) {
            this.who = who;
            this.refusal = refusal;
        }

        String token() {
            String slug = city.slug();
            return switch (this) {
                case NO_TOKEN -> null;
                case EXPIRED -> issuer.expiredEditorOf(slug);
                case BAD_SIGNATURE -> issuer.badSignatureEditorOf(slug);
                case FOREIGN_ISSUER -> issuer.foreignIssuerEditorOf(slug);
                case NO_ROLE -> issuer.withoutRole(slug);
                case EDITOR_OF_ANOTHER_CITY -> editorOfBochum;
                case EDITOR -> editorOfTheCity;
                case ADMIN -> admin;
            };
        }

        int expected(Endpoint endpoint) {
            if (this == EDITOR && endpoint.adminOnly()) {
                return 403;
            }
            return refusal > 0 ? refusal : endpoint.success();
        }
    }

    /** The request of one cell and how to read back the state it would change. */
    record Attempt(String method, String path, Object body, Map<String, String> headers, Supplier<Object> state) {
    }

    /**
     * One row of the matrix.
     *
     * @param read true for the protected read (revisions): it changes nothing even when allowed
     */
    record Endpoint(String name, int success, boolean adminOnly, boolean read, Supplier<Attempt> prepare) {
    }

    @TestFactory
    Stream<DynamicTest> every_write_endpoint_answers_each_caller_as_its_rights_say_and_a_refusal_changes_nothing() {
        return endpoints().stream().flatMap(endpoint -> Stream.of(Caller.values()).map(caller -> dynamicTest(
                endpoint.name() + " × " + caller.who + " → " + caller.expected(endpoint),
                () -> cell(endpoint, caller))));
    }

    private static void cell(Endpoint endpoint, Caller caller) {
        Attempt attempt = endpoint.prepare().get();
        Object before = attempt.state().get();

        // a request without the token the document asks for is sent outside the contract on purpose
        Gateway.Answer answer = caller == Caller.NO_TOKEN
                ? gateway.sendHostile(attempt.method(), attempt.path(), null, attempt.body(), attempt.headers())
                : gateway.send(attempt.method(), attempt.path(), caller.token(), attempt.body(), attempt.headers());

        int expected = caller.expected(endpoint);
        assertThat(answer.status()).as("%s %s as %s: %s", attempt.method(), attempt.path(), caller.who,
                answer.raw().body()).isEqualTo(expected);
        Object after = attempt.state().get();
        if (expected >= 400) {
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.body().path("status").asInt()).isEqualTo(expected);
            assertThat(after).as("state after a refused " + endpoint.name()).isEqualTo(before);
        } else if (!endpoint.read()) {
            assertThat(after).as("the read-back sees an allowed " + endpoint.name()).isNotEqualTo(before);
        }
    }

    // ---- the rows

    private static List<Endpoint> endpoints() {
        String cityPath = "/api/cities/" + city.slug();
        String articles = cityPath + "/articles";
        List<Endpoint> rows = new ArrayList<>();

        rows.add(new Endpoint("PUT /api/cities/{city}", 200, true, false, () -> new Attempt("PUT", cityPath,
                Map.of("name", "Schlossberg", "claim", "Anspruch " + CityOfItsOwn.letters(8)),
                Map.of("If-Match", city.etag(cityPath)), () -> city.read(cityPath))));
        rows.add(new Endpoint("POST /api/cities/{city}/articles", 201, false, false, () -> {
            String slug = "neu-" + CityOfItsOwn.letters(8);
            return new Attempt("POST", articles, city.article("Neuer Artikel " + slug, slug), Map.of(),
                    () -> status(articles + "/" + slug));
        }));
        rows.add(articleRow("PUT /api/cities/{city}/articles/{slug}", 200, false, (path, etag) -> new Attempt("PUT",
                path, city.article("Geänderter Titel", null), Map.of("If-Match", etag), () -> field(path, "version"))));
        rows.add(articleRow("POST /api/cities/{city}/articles/{slug}/publication", 200, false, (path, etag) ->
                new Attempt("POST", path + "/publication", Map.of(), Map.of(), () -> field(path, "status"))));
        rows.add(articleRow("DELETE /api/cities/{city}/articles/{slug}/publication", 200, true, (path, etag) ->
                new Attempt("DELETE", path + "/publication", null, Map.of(), () -> field(path, "status"))));
        rows.add(articleRow("DELETE /api/cities/{city}/articles/{slug}", 204, false, (path, etag) ->
                new Attempt("DELETE", path, null, Map.of(), () -> status(path))));
        rows.add(new Endpoint("GET /api/cities/{city}/articles/{slug}/revisions", 200, false, true, () -> {
            String slug = city.article("Chronik " + CityOfItsOwn.letters(8), null, false);
            return new Attempt("GET", articles + "/" + slug + "/revisions", null, Map.of(), () -> null);
        }));
        rows.add(new Endpoint("PUT /api/cities/{city}/highlights", 200, false, false, () -> new Attempt("PUT",
                cityPath + "/highlights", CityOfItsOwn.carousel("Teaser" + CityOfItsOwn.letters(8)),
                Map.of("If-Match", city.etag(cityPath + "/highlights")), () -> city.read(cityPath + "/highlights"))));

        rows.add(new Endpoint("POST /api/events", 201, false, false, () -> {
            String title = "Premiere " + CityOfItsOwn.letters(8);
            return new Attempt("POST", "/api/events", city.event(title, venueId), Map.of(),
                    () -> titles("/api/events?city=" + city.slug() + "&limit=100", "title").contains(title));
        }));
        rows.add(new Endpoint("POST /api/events/batch", 201, false, false, () -> {
            String title = "Reihe " + CityOfItsOwn.letters(8);
            return new Attempt("POST", "/api/events/batch", Map.of("events", List.of(city.event(title + " I", venueId),
                    city.event(title + " II", venueId))), Map.of(),
                    () -> titles("/api/events?city=" + city.slug() + "&limit=100", "title").stream()
                            .filter(each -> each.startsWith(title)).count());
        }));
        rows.add(new Endpoint("POST /api/events/import", 201, false, false, () -> {
            String title = "Gastspiel " + CityOfItsOwn.letters(8);
            return new Attempt("POST", city.importPath(venueId), CityOfItsOwn.calendar(title + " I", title + " II"),
                    Map.of(), () -> titles("/api/events?city=" + city.slug() + "&limit=100", "title").stream()
                            .filter(each -> each.startsWith(title)).count());
        }));
        rows.add(eventRow("PUT /api/events/{id}", 200, (path, etag) -> new Attempt("PUT", path,
                city.event("Verlegte Premiere", venueId), Map.of("If-Match", etag), () -> field(path, "version"))));
        for (String step : List.of("cancellation", "postponement", "sold-out")) {
            rows.add(eventRow("POST /api/events/{id}/" + step, 200, (path, etag) -> new Attempt("POST",
                    path + "/" + step, null, Map.of(), () -> field(path, "status"))));
        }
        rows.add(eventRow("POST /api/events/{id}/rescheduling", 200, (path, etag) -> {
            ZonedDateTime start = ZonedDateTime.now().plusDays(12).withHour(20).withMinute(0).withSecond(0).withNano(0);
            return new Attempt("POST", path + "/rescheduling", Map.of(
                    "start", start.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                    "end", start.plusHours(2).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)), Map.of(),
                    () -> field(path, "status"));
        }));
        rows.add(eventRow("DELETE /api/events/{id}", 204, (path, etag) -> new Attempt("DELETE", path, null, Map.of(),
                () -> status(path))));

        rows.add(new Endpoint("POST /api/venues", 201, false, false, () -> {
            String name = "Saal " + CityOfItsOwn.letters(8);
            return new Attempt("POST", "/api/venues", city.venue(name), Map.of(),
                    () -> titles("/api/venues?city=" + city.slug() + "&limit=100", "name").contains(name));
        }));
        rows.add(venueRow("PUT /api/venues/{id}", 200, (path, etag) -> new Attempt("PUT", path,
                city.venue("Umgebauter Saal"), Map.of("If-Match", etag), () -> field(path, "version"))));
        rows.add(venueRow("DELETE /api/venues/{id}", 204, (path, etag) -> new Attempt("DELETE", path, null, Map.of(),
                () -> status(path))));

        rows.add(new Endpoint("POST /api/search/reindex", 202, true, false, () -> new Attempt("POST",
                "/api/search/reindex", null, Map.of(), () -> field("/api/search/reindex", "generation"))));
        return rows;
    }

    /** A row on a fresh article: a draft, or published when the row takes a publication back. */
    private static Endpoint articleRow(String name, int success, boolean published,
            BiFunction<String, String, Attempt> attempt) {
        return new Endpoint(name, success, false, false, () -> {
            String slug = city.article("Artikel " + CityOfItsOwn.letters(8), null, published);
            String path = "/api/cities/" + city.slug() + "/articles/" + slug;
            return attempt.apply(path, city.etag(path));
        });
    }

    private static Endpoint eventRow(String name, int success,
            BiFunction<String, String, Attempt> attempt) {
        return new Endpoint(name, success, false, false, () -> {
            String path = "/api/events/" + city.eventId("Abend " + CityOfItsOwn.letters(8), venueId);
            return attempt.apply(path, city.etag(path));
        });
    }

    private static Endpoint venueRow(String name, int success,
            BiFunction<String, String, Attempt> attempt) {
        return new Endpoint(name, success, false, false, () -> {
            String path = "/api/venues/" + city.venueId("Halle " + CityOfItsOwn.letters(8));
            return attempt.apply(path, city.etag(path));
        });
    }

    // ---- read-backs, as an admin (who also sees drafts)

    private static int status(String path) {
        return gateway.send("GET", path, issuer.admin(), null, Map.of()).status();
    }

    private static String field(String path, String name) {
        return city.read(path).path(name).asString();
    }

    private static List<String> titles(String path, String name) {
        List<String> titles = new ArrayList<>();
        city.read(path).path("items").forEach(item -> titles.add(item.path(name).asString()));
        return titles;
    }
}
