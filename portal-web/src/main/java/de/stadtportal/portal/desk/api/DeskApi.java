package de.stadtportal.portal.desk.api;

import de.stadtportal.portal.PortalProperties;
import io.netty.channel.ChannelOption;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.reactive.function.client.ServerOAuth2AuthorizedClientExchangeFilterFunction;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.util.UriBuilder;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * The editor's calls to the platform's API through the gateway, each with the signed-in editor's
 * access token (refreshed by the token manager when it has run out). Writes send the ETag the editor
 * read as {@code If-Match}, so that a change made meanwhile is refused (412) rather than overwritten.
 * Path values are URI variables, so a slug is encoded, never spliced.
 */
@Component
public class DeskApi {

    private static final String ARTICLES = "/api/cities/{city}/articles";
    private static final String ARTICLE = ARTICLES + "/{slug}";
    private static final ParameterizedTypeReference<DeskList<DeskArticle>> ARTICLE_LIST =
            new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<DeskList<DeskRevision>> REVISION_LIST =
            new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<DeskList<DeskChoice>> CHOICES =
            new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<DeskList<DeskCity>> CITY_LIST =
            new ParameterizedTypeReference<>() { };

    private final WebClient client;

    public DeskApi(PortalProperties portal, ReactiveOAuth2AuthorizedClientManager tokens) {
        ServerOAuth2AuthorizedClientExchangeFilterFunction bearer = new ServerOAuth2AuthorizedClientExchangeFilterFunction(
                tokens);
        bearer.setDefaultOAuth2AuthorizedClient(true);
        HttpClient http = HttpClient.create().option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 1000)
                .responseTimeout(Duration.ofSeconds(10));
        this.client = WebClient.builder().baseUrl(portal.apiUrl().toString())
                .clientConnector(new ReactorClientHttpConnector(http)).filter(bearer).build();
    }

    /** Every city of the platform (public). */
    public Mono<Answer<DeskList<DeskCity>>> cities() {
        return answer(client.get().uri("/api/cities"), CITY_LIST);
    }

    /** The city's published articles, or with {@code drafts} its drafts and scheduled ones (editors only). */
    public Mono<Answer<DeskList<DeskArticle>>> articles(String city, boolean drafts) {
        return answer(client.get().uri(builder -> builder.path(ARTICLES).queryParam("limit", "100")
                .queryParam("status", drafts ? "draft" : "published").build(city)), ARTICLE_LIST);
    }

    public Mono<Answer<DeskArticle>> article(String city, String slug, String locale) {
        return answer(client.get().uri(builder -> at(builder, ARTICLE, locale).build(city, slug)), DeskArticle.class);
    }

    public Mono<Answer<DeskArticle>> create(String city, ArticleWrite article) {
        return answer(client.post().uri(ARTICLES, city).contentType(MediaType.APPLICATION_JSON).bodyValue(article),
                DeskArticle.class);
    }

    public Mono<Answer<DeskArticle>> change(String city, String slug, String locale, String etag, ArticleWrite article) {
        return answer(client.put().uri(builder -> at(builder, ARTICLE, locale).build(city, slug))
                .header("If-Match", etag).contentType(MediaType.APPLICATION_JSON).bodyValue(article), DeskArticle.class);
    }

    /** Publishes now ({@code at} null or past) or schedules it for {@code at}. */
    public Mono<Answer<DeskArticle>> publish(String city, String slug, String locale, String etag, OffsetDateTime at) {
        Map<String, Object> body = at == null ? Map.of() : Map.of("publishAt", at.toString());
        return answer(client.post().uri(builder -> at(builder, ARTICLE + "/publication", locale).build(city, slug))
                .header("If-Match", etag).contentType(MediaType.APPLICATION_JSON).bodyValue(body), DeskArticle.class);
    }

    public Mono<Answer<DeskArticle>> unpublish(String city, String slug, String locale, String etag) {
        return answer(client.delete().uri(builder -> at(builder, ARTICLE + "/publication", locale).build(city, slug))
                .header("If-Match", etag), DeskArticle.class);
    }

    /** The body rendered by the platform as it would be published, nothing saved. */
    public Mono<Answer<Preview>> preview(String city, String markdown) {
        return answer(client.post().uri(ARTICLES + "/preview", city).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("body", markdown == null ? "" : markdown)), Preview.class);
    }

    /** The city's venues, to choose an event's place from. */
    public Mono<Answer<DeskList<DeskChoice>>> venues(String city) {
        return answer(client.get().uri(builder -> builder.path("/api/venues").queryParam("city", "{city}")
                .queryParam("limit", "100").build(city)), CHOICES);
    }

    public Mono<Answer<DeskList<DeskChoice>>> categories() {
        return answer(client.get().uri("/api/events/categories"), CHOICES);
    }

    public Mono<Answer<DeskList<DeskRevision>>> revisions(String city, String slug, String locale) {
        return answer(client.get().uri(builder -> at(builder, ARTICLE + "/revisions", locale).build(city, slug)),
                REVISION_LIST);
    }

    private static UriBuilder at(UriBuilder builder, String path, String locale) {
        builder.path(path);
        return locale == null || locale.isBlank() ? builder : builder.queryParam("locale", locale);
    }

    /** The client with the editor's token, for the desk's other parts of the API (events, venues, highlights, media). */
    WebClient client() {
        return client;
    }

    static <T> Mono<Answer<T>> answer(WebClient.RequestHeadersSpec<?> request, Class<T> type) {
        return answer(request, response -> response.bodyToMono(type));
    }

    static <T> Mono<Answer<T>> answer(WebClient.RequestHeadersSpec<?> request, ParameterizedTypeReference<T> type) {
        return answer(request, response -> response.bodyToMono(type));
    }

    static <T> Mono<Answer<T>> answer(WebClient.RequestHeadersSpec<?> request,
            Function<org.springframework.web.reactive.function.client.ClientResponse, Mono<T>> body) {
        return request.accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                .exchangeToMono(response -> {
                    int status = response.statusCode().value();
                    if (response.statusCode().is2xxSuccessful()) {
                        String etag = response.headers().asHttpHeaders().getETag();
                        return body.apply(response).map(value -> Answer.of(value, etag))
                                .defaultIfEmpty(Answer.of(null, etag));
                    }
                    return response.bodyToMono(Refusal.class).onErrorResume(unreadable -> Mono.empty())
                            .map(problem -> new Refusal(status, problem.title(), problem.detail(), problem.errors()))
                            .defaultIfEmpty(new Refusal(status, null, null, List.of()))
                            .map(Answer::<T>refused);
                })
                .onErrorResume(WebClientRequestException.class, unreachable -> Mono.just(Answer.refused(
                        new Refusal(503, "Service unavailable", unreachable.getMessage(), List.of()))));
    }
}
