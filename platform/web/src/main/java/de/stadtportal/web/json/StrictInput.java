package de.stadtportal.web.json;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * The Jackson module behind the web module's strict reading of request bodies: strings must be JSON
 * strings without NUL or unpaired surrogates, and times must be ISO-8601 strings with an offset and
 * a year PostgreSQL and the apps can handle.
 */
public final class StrictInput {

    /** Earliest and latest year a time may carry; beyond them stores and calendars break. */
    public static final int FIRST_YEAR = 1;
    public static final int LAST_YEAR = 9999;

    private StrictInput() {
    }

    public static SimpleModule module() {
        SimpleModule module = new SimpleModule("stadtportal-strict-input");
        module.addDeserializer(String.class, new Text());
        module.addDeserializer(OffsetDateTime.class, new Time());
        module.addDeserializer(Instant.class, new Moment());
        return module;
    }

    /** Why a text cannot be kept, or null when it can. */
    public static String problemWith(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return "must not contain NUL characters";
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "must not contain unpaired surrogate characters";
            }
            if (Character.isLowSurrogate(c)) {
                return "must not contain unpaired surrogate characters";
            }
        }
        return null;
    }

    static OffsetDateTime time(JsonParser parser, String text) {
        OffsetDateTime time;
        try {
            time = OffsetDateTime.parse(text);
        } catch (DateTimeException e) {
            throw InvalidFormatException.from(parser, "must be an ISO-8601 time with offset, like 2027-03-20T19:00:00+01:00",
                    text, OffsetDateTime.class);
        }
        if (time.getYear() < FIRST_YEAR || time.getYear() > LAST_YEAR) {
            throw InvalidFormatException.from(parser, "must lie between the years " + FIRST_YEAR + " and " + LAST_YEAR,
                    text, OffsetDateTime.class);
        }
        return time;
    }

    private static final class Text extends StdScalarDeserializer<String> {

        Text() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (String) context.handleUnexpectedToken(String.class, parser);
            }
            String text = parser.getString();
            String problem = problemWith(text);
            if (problem != null) {
                throw InvalidFormatException.from(parser, problem, text, String.class);
            }
            return text;
        }
    }

    private static final class Time extends StdScalarDeserializer<OffsetDateTime> {

        Time() {
            super(OffsetDateTime.class);
        }

        @Override
        public OffsetDateTime deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (OffsetDateTime) context.handleUnexpectedToken(OffsetDateTime.class, parser);
            }
            return time(parser, parser.getString().trim());
        }
    }

    private static final class Moment extends StdScalarDeserializer<Instant> {

        Moment() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (Instant) context.handleUnexpectedToken(Instant.class, parser);
            }
            return time(parser, parser.getString().trim()).toInstant();
        }
    }
}
