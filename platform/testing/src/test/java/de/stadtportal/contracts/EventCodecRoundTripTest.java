package de.stadtportal.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import de.stadtportal.testing.data.TestEvents;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EventCodecRoundTripTest {

    private static final EventCodec CODEC = new EventCodec();

    @ParameterizedTest
    @EnumSource(EventType.class)
    void every_sample_event_serialises_to_json_that_its_schema_accepts(EventType type) {
        IntegrationEvent sample = TestEvents.of(type);

        byte[] json = CODEC.encode(sample);

        assertThat(sample.type()).isEqualTo(type);
        assertThat(CODEC.violations(type.ceType(), json)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void every_sample_event_decodes_back_to_an_equal_record(EventType type) {
        IntegrationEvent sample = TestEvents.of(type);

        IntegrationEvent decoded = CODEC.decode(type.ceType(), CODEC.encode(sample));

        assertThat(decoded).isInstanceOf(type.javaType()).isEqualTo(sample);
    }

    @Test
    void dates_are_written_as_iso_strings_and_offsets_are_kept() {
        String json = new String(CODEC.encode(TestEvents.eventPublished()), StandardCharsets.UTF_8);

        assertThat(json)
                .contains("\"occurredAt\":\"2027-01-10T14:00:00Z\"")
                .contains("\"start\":\"2027-03-20T19:00:00+01:00\"");
        EventPublished decoded = (EventPublished) CODEC.decode(EventType.EVENT_PUBLISHED.ceType(),
                json.getBytes(StandardCharsets.UTF_8));
        assertThat(decoded.event().start()).isEqualTo(TestEvents.CONCERT_START);
        assertThat(decoded.event().start().getOffset().getTotalSeconds()).isEqualTo(3600);
    }

    @Test
    void prices_keep_their_scale() {
        EventPublished decoded = (EventPublished) CODEC.decode(EventType.EVENT_PUBLISHED.ceType(),
                CODEC.encode(TestEvents.eventPublished()));

        assertThat(decoded.event().price().min()).hasToString("19.50");
    }

    @Test
    void city_facts_keep_their_order() {
        CityChanged decoded = (CityChanged) CODEC.decode(EventType.CITY_CHANGED.ceType(),
                CODEC.encode(TestEvents.cityChanged()));

        assertThat(decoded.city().facts().keySet()).containsExactly("Einwohner", "Fläche", "Hochschulen");
    }
}
