package de.stadtportal.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CacheDirectivesTest {

    @Test
    void a_public_list_is_fresh_for_its_max_age() {
        CacheDirectives list = CacheDirectives.parse(List.of("max-age=30, public"));

        assertThat(list.storable()).isTrue();
        assertThat(list.isPublic()).isTrue();
        assertThat(list.freshFor()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void a_resource_to_revalidate_may_be_kept_but_is_never_fresh() {
        CacheDirectives resource = CacheDirectives.parse(List.of("no-cache, public"));

        assertThat(resource.storable()).isTrue();
        assertThat(resource.freshFor()).isZero();
    }

    @Test
    void private_and_no_store_keep_nothing_whatever_age_they_name() {
        for (String header : List.of("private, max-age=60", "no-store", "no-store, private", "max-age=60, PRIVATE",
                "private=\"Set-Cookie\", max-age=60")) {
            CacheDirectives directives = CacheDirectives.parse(List.of(header));
            assertThat(directives.storable()).as(header).isFalse();
            assertThat(directives.freshFor()).as(header).isZero();
        }
    }

    @Test
    void the_shared_max_age_counts_before_max_age_for_a_shared_cache() {
        assertThat(CacheDirectives.parse(List.of("public, max-age=300, s-maxage=10")).freshFor())
                .isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void names_are_read_in_any_case_values_quoted_or_not_and_over_several_lines() {
        assertThat(CacheDirectives.parse(List.of("Public", "Max-Age=\"45\"")).freshFor())
                .isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void an_age_that_is_no_number_or_said_twice_makes_the_answer_stale() {
        for (String header : List.of("max-age=soon", "max-age=-5", "max-age=", "max-age", "max-age=30, max-age=60",
                "max-age=99999999999")) {
            assertThat(CacheDirectives.parse(List.of(header)).freshFor()).as(header).isZero();
        }
    }

    @Test
    void without_the_header_nothing_is_fresh() {
        assertThat(CacheDirectives.parse(List.of())).isEqualTo(CacheDirectives.NONE);
        assertThat(CacheDirectives.NONE.freshFor()).isZero();
    }
}
