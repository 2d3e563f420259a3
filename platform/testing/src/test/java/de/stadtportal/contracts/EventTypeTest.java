package de.stadtportal.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import de.stadtportal.testing.data.TestEvents;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EventTypeTest {

    @ParameterizedTest
    @EnumSource(EventType.class)
    void every_event_type_is_published_to_a_known_topic(EventType type) {
        assertThat(Topics.ALL).contains(type.topic());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void every_ce_type_follows_the_naming_scheme_and_resolves_back(EventType type) {
        assertThat(type.ceType()).matches("stadtportal\\.[a-z]+\\.[a-z]+\\.[a-z]+\\.v\\d+");
        assertThat(EventType.ofCeType(type.ceType())).contains(type);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void every_event_type_has_its_schema_on_the_classpath(EventType type) {
        assertThat(EventType.class.getClassLoader().getResource(type.schemaResource())).isNotNull();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void every_event_type_is_found_from_its_record(EventType type) {
        IntegrationEvent sample = TestEvents.of(type);

        assertThat(sample).isInstanceOf(type.javaType());
        assertThat(EventType.of(sample)).isEqualTo(type);
    }

    @Test
    void ce_types_are_unique() {
        assertThat(Arrays.stream(EventType.values()).map(EventType::ceType)).doesNotHaveDuplicates();
    }

    @Test
    void unknown_ce_types_are_not_resolved() {
        assertThat(EventType.ofCeType("stadtportal.content.city.renamed.v1")).isEmpty();
        assertThat(EventType.ofCeType(null)).isEmpty();
    }

    @Test
    void the_source_names_the_service_that_owns_the_topic() {
        assertThat(EventType.ARTICLE_WITHDRAWN.source()).isEqualTo("/stadtportal/content-service");
        assertThat(EventType.CITY_CHANGED.source()).isEqualTo("/stadtportal/content-service");
        assertThat(EventType.VENUE_REMOVED.source()).isEqualTo("/stadtportal/events-service");
        assertThat(EventType.EVENT_PUBLISHED.source()).isEqualTo("/stadtportal/events-service");
    }

    @Test
    void the_dead_letter_topic_appends_dlq() {
        assertThat(Topics.deadLetter("x")).isEqualTo("x.dlq");
        assertThat(Topics.deadLetter(Topics.EVENTS_EVENTS)).isEqualTo("events.events.v1.dlq");
    }

    @Test
    void all_topics_are_distinct() {
        assertThat(Topics.ALL).hasSize(5).doesNotHaveDuplicates();
    }
}
