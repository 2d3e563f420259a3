package de.stadtportal.search;

import de.stadtportal.testing.infrastructure.RealInfrastructure;
import de.stadtportal.testing.security.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Searches and suggestions may be kept briefly by any cache; refusals and the admin's reindex status never. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
@RealInfrastructure
class SearchCachingIT {

    @Autowired WebTestClient web;

    @Test
    void searches_and_suggestions_are_public_for_a_short_while_and_the_rest_is_never_stored() {
        web.get().uri("/api/search?q=Konzert&city=bochum").exchange().expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "max-age=30, public");
        web.get().uri("/api/search/suggest?q=Konz").exchange().expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "max-age=30, public");
        web.get().uri("/api/search?type=poem").exchange().expectStatus().isBadRequest()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store, private");
        web.get().uri("/api/search/reindex").headers(h -> h.setBearerAuth(Tokens.admin())).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store, private");
    }
}
