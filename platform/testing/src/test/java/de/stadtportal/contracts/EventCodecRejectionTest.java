package de.stadtportal.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.stadtportal.testing.data.TestEvents;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class EventCodecRejectionTest {

    private static final EventCodec CODEC = new EventCodec();
    /** Reads prices as decimals, so that tampering with one field does not change the scale of another. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    @Test
    void a_payload_without_a_required_field_is_rejected() {
        byte[] json = tamper(TestEvents.eventPublished(), root -> event(root).remove("title"));

        assertRejected(EventType.EVENT_PUBLISHED, json, "required property 'title' not found");
    }

    @Test
    void a_version_sent_as_string_is_rejected() {
        byte[] json = tamper(TestEvents.cityChanged(), root -> root.put("version", "7"));

        assertRejected(EventType.CITY_CHANGED, json, "/version: string found, integer expected");
    }

    @Test
    void a_version_below_one_is_rejected() {
        byte[] json = tamper(TestEvents.cityChanged(), root -> root.put("version", 0));

        assertRejected(EventType.CITY_CHANGED, json, "/version: must have a minimum value of 1");
    }

    @Test
    void a_malformed_date_time_is_rejected() {
        byte[] json = tamper(TestEvents.articlePublished(),
                root -> ((ObjectNode) root.get("article")).put("publishedAt", "01.09.2026 08:00"));

        assertRejected(EventType.ARTICLE_PUBLISHED, json, "/article/publishedAt", "date-time");
    }

    @Test
    void a_local_time_without_offset_is_rejected() {
        byte[] json = tamper(TestEvents.eventPublished(), root -> event(root).put("start", "2027-03-20T19:00:00"));

        assertRejected(EventType.EVENT_PUBLISHED, json, "/event/start", "date-time");
    }

    @Test
    void a_nullable_date_time_must_still_be_a_date_time_when_present() {
        byte[] json = tamper(TestEvents.eventPublished(), root -> event(root).put("previousStart", "letzte Woche"));

        assertRejected(EventType.EVENT_PUBLISHED, json, "/event/previousStart", "date-time");
    }

    @Test
    void an_article_id_that_is_not_a_uuid_is_rejected() {
        byte[] json = tamper(TestEvents.articlePublished(), root -> root.put("aggregateId", "univercity-bochum"));

        assertRejected(EventType.ARTICLE_PUBLISHED, json, "/aggregateId", "uuid");
    }

    @Test
    void an_event_status_outside_the_enumeration_is_rejected() {
        byte[] json = tamper(TestEvents.eventPublished(), root -> event(root).put("status", "maybe"));

        assertRejected(EventType.EVENT_PUBLISHED, json, "/event/status", "enumeration");
    }

    @Test
    void an_article_locale_outside_the_enumeration_is_rejected() {
        byte[] json = tamper(TestEvents.articlePublished(),
                root -> ((ObjectNode) root.get("article")).put("locale", "fr"));

        assertRejected(EventType.ARTICLE_PUBLISHED, json, "/article/locale", "enumeration");
    }

    @Test
    void a_latitude_out_of_range_is_rejected() {
        byte[] json = tamper(TestEvents.venueChanged(),
                root -> ((ObjectNode) root.get("venue").get("geo")).put("lat", 123));

        assertRejected(EventType.VENUE_CHANGED, json, "/venue/geo/lat: must have a maximum value of 90");
    }

    @Test
    void every_violation_is_listed_not_only_the_first() {
        byte[] json = tamper(TestEvents.eventPublished(), root -> {
            root.put("version", 0);
            event(root).put("status", "maybe");
        });

        assertThat(CODEC.violations(EventType.EVENT_PUBLISHED.ceType(), json))
                .hasSize(2)
                .anySatisfy(v -> assertThat(v).startsWith("/version"))
                .anySatisfy(v -> assertThat(v).startsWith("/event/status"));
    }

    @Test
    void encode_refuses_an_event_that_breaks_its_schema() {
        ArticlePublished blankTitle = new ArticlePublished(TestEvents.ARTICLE_ID, 3,
                TestEvents.articlePublished().occurredAt(), TestEvents.article("   "));

        assertThatThrownBy(() -> CODEC.encode(blankTitle))
                .isExactlyInstanceOf(ContractViolation.class)
                .hasMessageContaining("Refusing to encode stadtportal.content.article.published.v1")
                .hasMessageContaining("/article/title");
    }

    @Test
    void encode_refuses_a_status_the_schema_does_not_know() {
        assertThatThrownBy(() -> CODEC.encode(TestEvents.eventPublished("moved")))
                .isExactlyInstanceOf(ContractViolation.class)
                .hasMessageContaining("/event/status");
    }

    @Test
    void an_unknown_ce_type_is_a_contract_violation() {
        byte[] json = CODEC.encode(TestEvents.cityChanged());

        assertThatThrownBy(() -> CODEC.decode("stadtportal.content.city.renamed.v1", json))
                .isExactlyInstanceOf(ContractViolation.class)
                .hasMessageContaining("Unknown event type 'stadtportal.content.city.renamed.v1'");
        assertThatThrownBy(() -> CODEC.violations(null, json))
                .isExactlyInstanceOf(ContractViolation.class);
    }

    @Test
    void malformed_json_is_a_contract_violation_not_a_jackson_exception() {
        byte[] json = "{\"aggregateId\": \"bochum\", ".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> CODEC.decode(EventType.CITY_REMOVED.ceType(), json))
                .isExactlyInstanceOf(ContractViolation.class)
                .hasMessageContaining("not valid JSON")
                .isNotInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> CODEC.decode(EventType.CITY_REMOVED.ceType(), new byte[0]))
                .isExactlyInstanceOf(ContractViolation.class);
    }

    @Test
    void a_json_array_instead_of_an_object_is_a_contract_violation() {
        byte[] json = "[1, 2]".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> CODEC.decode(EventType.CITY_REMOVED.ceType(), json))
                .isExactlyInstanceOf(ContractViolation.class)
                .hasMessageContaining("array found, object expected");
    }

    @Test
    void unknown_fields_are_accepted_for_additive_evolution() {
        EventPublished sample = TestEvents.eventPublished();
        byte[] json = tamper(sample, root -> {
            root.put("traceHint", "added by a newer producer");
            event(root).put("ticketUrl", "https://tickets.example/bosy");
            ((ObjectNode) event(root).get("venue")).put("district", "Innenstadt");
        });

        assertThat(CODEC.violations(EventType.EVENT_PUBLISHED.ceType(), json)).isEmpty();
        assertThat(CODEC.decode(EventType.EVENT_PUBLISHED.ceType(), json)).isEqualTo(sample);
    }

    @Test
    void optional_fields_may_be_absent() {
        byte[] json = tamper(TestEvents.eventPublished(), root -> {
            event(root).remove("end");
            event(root).remove("rrule");
            event(root).remove("image");
            event(root).remove("previousStart");
        });

        EventPublished decoded = (EventPublished) CODEC.decode(EventType.EVENT_PUBLISHED.ceType(), json);

        assertThat(decoded.event().end()).isNull();
        assertThat(decoded.event().image()).isNull();
    }

    private static void assertRejected(EventType type, byte[] json, String... expectedFragments) {
        assertThatThrownBy(() -> CODEC.decode(type.ceType(), json))
                .isExactlyInstanceOf(ContractViolation.class)
                .hasMessageContaining(type.ceType())
                .satisfies(e -> assertThat(((ContractViolation) e).violations()).isNotEmpty())
                .hasMessageContainingAll(expectedFragments);
    }

    private static byte[] tamper(IntegrationEvent event, Consumer<ObjectNode> change) {
        ObjectNode root = (ObjectNode) JSON.readTree(CODEC.encode(event));
        change.accept(root);
        return JSON.writeValueAsBytes(root);
    }

    private static ObjectNode event(ObjectNode root) {
        return (ObjectNode) root.get("event");
    }
}
