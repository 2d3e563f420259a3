package de.stadtportal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import de.stadtportal.launcher.LocalPlatform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Links an app or a calendar finds in an answer must lead back through the gateway: the JSON-LD
 * {@code @id} and the iCalendar {@code URL} of a demo event, read through the gateway, name the
 * gateway's address, and no absolute link in them names a backend's own.
 */
class PublicLinksIT {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s\"'<>\\\\]+");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final List<String> BACKENDS = List.of("content-service", "events-service", "search-service");

    @Test
    void the_json_ld_and_the_icalendar_of_a_demo_event_link_to_the_gateway_and_never_to_a_backend() {
        LocalPlatform platform = RunningPlatform.get();
        String gatewayUrl = platform.gatewayUrl();
        Gateway gateway = new Gateway(gatewayUrl);
        LocalDate today = LocalDate.now();
        Gateway.Answer listed = gateway.get("/api/events?city=bochum&limit=1&from=" + today + "&to=" + today.plusDays(365));
        assertThat(listed.status()).isEqualTo(200);
        String id = listed.body().path("items").path(0).path("eventId").asString();
        assertThat(id).isNotBlank();

        HttpResponse<String> jsonLd = get(gatewayUrl + "/api/events/" + id, "application/ld+json");
        assertThat(jsonLd.statusCode()).isEqualTo(200);
        assertThat(Gateway.JSON.readTree(jsonLd.body()).path("@id").asString())
                .isEqualTo(gatewayUrl + "/api/events/" + id);

        HttpResponse<String> calendar = get(gatewayUrl + "/api/events/" + id, "text/calendar");
        assertThat(calendar.statusCode()).isEqualTo(200);
        String ics = unfolded(calendar.body());
        List<String> urls = ics.lines().filter(line -> line.startsWith("URL")).map(line -> line.substring(
                line.indexOf(':') + 1)).toList();
        assertThat(urls).hasSize(1);

        HttpResponse<String> feed = get(gatewayUrl + "/api/events/feed.ics?city=bochum", "text/calendar");
        assertThat(feed.statusCode()).isEqualTo(200);

        List<String> links = new ArrayList<>();
        links.addAll(links(jsonLd.body()));
        links.addAll(links(ics));
        links.addAll(links(unfolded(feed.body())));
        assertThat(links).contains(gatewayUrl + "/api/events/" + id);
        for (String backend : BACKENDS) {
            String backendUrl = platform.serviceUrl(backend);
            assertThat(links).as("links naming " + backend).noneMatch(link -> link.startsWith(backendUrl));
        }
        String gatewayHost = URI.create(gatewayUrl).getHost();
        assertThat(links).filteredOn(link -> gatewayHost.equals(URI.create(link).getHost()))
                .isNotEmpty()
                .allSatisfy(link -> assertThat(link).startsWith(gatewayUrl + "/"));
    }

    /** A GET with exactly one Accept header, as a calendar app or a crawler sends it. */
    private static HttpResponse<String> get(String uri, String accept) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(30))
                    .header("Accept", accept).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** iCalendar folds lines longer than 75 octets: a line break followed by one space continues the line. */
    private static String unfolded(String ics) {
        return ics.replace("\r\n ", "").replace("\r\n\t", "");
    }

    private static List<String> links(String text) {
        List<String> links = new ArrayList<>();
        Matcher matcher = LINK.matcher(text);
        while (matcher.find()) {
            links.add(matcher.group().replaceAll("[,;.)]+$", ""));
        }
        return links;
    }
}
