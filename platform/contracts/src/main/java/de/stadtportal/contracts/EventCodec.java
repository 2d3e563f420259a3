package de.stadtportal.contracts;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns integration events into JSON and back, checking the JSON Schema of the event type on both sides.
 * <p>
 * The producer validates before sending, so a bug there surfaces in its own tests instead of in every
 * consumer. The consumer validates the raw bytes before mapping them, because the schema is the contract
 * other producers (and other languages) are held to, not whatever Jackson happens to accept. Unknown
 * properties are allowed so that producers can add fields without breaking older consumers.
 * <p>
 * Instances are immutable and thread-safe; create one and share it, as loading the schemas is not free.
 * Every failure is reported as {@link ContractViolation}, never as a Jackson or validator exception.
 */
public final class EventCodec {

    /** Matches the {@code $id} prefix of the bundled schemas; resolved to the classpath, never fetched. */
    static final String SCHEMA_BASE_IRI = "https://schemas.stadtportal.de/contracts/";

    private final JsonMapper mapper;
    private final Map<EventType, Schema> schemas;

    public EventCodec() {
        this.mapper = JsonMapper.builder()
                .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                // a price of 19.50 stays 19.50 in the tree an event is written from
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .build();
        this.schemas = loadSchemas();
    }

    public byte[] encode(IntegrationEvent event) {
        Objects.requireNonNull(event, "event");
        EventType type = event.type();
        // the tree is checked and then written: the bytes are the checked tree's, without parsing them back
        try {
            JsonNode tree = mapper.valueToTree(event);
            List<String> violations = validate(type, tree);
            if (!violations.isEmpty()) {
                throw new ContractViolation("Refusing to encode " + type.ceType() + " for aggregate "
                        + event.aggregateId() + ", it violates " + type.schemaResource(), violations);
            }
            return mapper.writeValueAsBytes(tree);
        } catch (JacksonException e) {
            throw new ContractViolation("Cannot serialise " + type.ceType() + ": " + e.getOriginalMessage(),
                    List.of(), e);
        }
    }

    public IntegrationEvent decode(String ceType, byte[] json) {
        EventType type = requireType(ceType);
        List<String> violations = validate(type, parse(type, json));
        if (!violations.isEmpty()) {
            throw new ContractViolation("Payload of " + type.ceType() + " violates " + type.schemaResource(),
                    violations);
        }
        try {
            return mapper.readValue(json, type.javaType());
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new ContractViolation("Payload of " + type.ceType() + " passed its schema but cannot be mapped to "
                    + type.javaType().getSimpleName() + ": " + messageOf(e), List.of(), e);
        }
    }

    /** The schema errors of a payload, empty if it conforms; for tests and diagnostics. */
    public List<String> violations(String ceType, byte[] json) {
        EventType type = requireType(ceType);
        return validate(type, parse(type, json));
    }

    private EventType requireType(String ceType) {
        return EventType.ofCeType(ceType)
                .orElseThrow(() -> new ContractViolation("Unknown event type '" + ceType + "'"));
    }

    private JsonNode parse(EventType type, byte[] json) {
        if (json == null || json.length == 0) {
            throw new ContractViolation("Payload of " + type.ceType() + " is empty");
        }
        try {
            return mapper.readTree(json);
        } catch (JacksonException e) {
            throw new ContractViolation("Payload of " + type.ceType() + " is not valid JSON: "
                    + e.getOriginalMessage(), List.of(), e);
        }
    }

    private List<String> validate(EventType type, JsonNode tree) {
        return schemas.get(type).validate(tree).stream()
                .map(EventCodec::describe)
                .toList();
    }

    private static String describe(Error error) {
        String location = error.getInstanceLocation() == null ? "" : error.getInstanceLocation().toString();
        return (location.isEmpty() ? "/" : location) + ": " + error.getMessage();
    }

    private static String messageOf(RuntimeException e) {
        return e instanceof JacksonException jackson ? jackson.getOriginalMessage() : e.getMessage();
    }

    private static Map<EventType, Schema> loadSchemas() {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .formatAssertionsEnabled(true)
                .locale(Locale.ENGLISH)
                .build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder
                        .schemaRegistryConfig(config)
                        .schemaIdResolvers(resolvers -> resolvers.mapPrefix(SCHEMA_BASE_IRI,
                                "classpath:" + EventType.SCHEMA_DIRECTORY)));
        Map<EventType, Schema> loaded = new EnumMap<>(EventType.class);
        for (EventType type : EventType.values()) {
            try {
                loaded.put(type, registry.getSchema(SchemaLocation.of(SCHEMA_BASE_IRI + type.schemaFileName())));
            } catch (SchemaException e) {
                throw new IllegalStateException("Cannot load the schema of " + type.ceType()
                        + " from " + type.schemaResource(), e);
            }
        }
        return Map.copyOf(loaded);
    }
}
