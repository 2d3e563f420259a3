package de.stadtportal.gateway.home;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/**
 * The shape of a city home as the API document shows it; the handler builds the answer from the
 * backends' JSON as it is, so this record is never instantiated.
 */
@Schema(name = "CityHome", description = "A city's portrait, valid highlights, newest articles and next events"
        + " in one answer; a part that could not be had is null and named in missing")
record CityHomeDocument(
        @Schema(description = "The city (as GET /api/cities/{city})", type = "object",
                additionalProperties = Schema.AdditionalPropertiesValue.TRUE) Map<String, Object> city,
        @ArraySchema(schema = @Schema(type = "object", additionalProperties = Schema.AdditionalPropertiesValue.TRUE),
                arraySchema = @Schema(description = "The valid highlights (items of GET /api/cities/{city}/highlights)"))
        List<Map<String, Object>> highlights,
        @ArraySchema(schema = @Schema(type = "object", additionalProperties = Schema.AdditionalPropertiesValue.TRUE),
                arraySchema = @Schema(description = "The five newest articles (as GET /api/cities/{city}/articles)"))
        List<Map<String, Object>> articles,
        @ArraySchema(schema = @Schema(type = "object", additionalProperties = Schema.AdditionalPropertiesValue.TRUE),
                arraySchema = @Schema(description = "The next five occurrences (as GET /api/events)"))
        List<Map<String, Object>> events,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "True when a part is missing")
        boolean partial,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The parts that could not be had")
        List<String> missing) {
}
