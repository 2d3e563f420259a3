package de.stadtportal.web.paging;

import de.stadtportal.web.json.StrictInput;
import de.stadtportal.web.problem.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * An opaque position in a sorted list: the sort key values of the last item served. Clients pass
 * it back unchanged; since it names a position rather than an offset, rows added meanwhile neither
 * repeat nor vanish. A cursor that was not made here is a 400 problem, never a 500.
 */
public final class Cursor {

    private static final String VERSION = "c1";
    private static final char SEPARATOR = '\u001f';

    private Cursor() {
    }

    public static String encode(String... values) {
        StringBuilder text = new StringBuilder(VERSION);
        for (String value : values) {
            if (value.indexOf(SEPARATOR) >= 0) {
                throw new IllegalArgumentException("Cursor values may not contain the separator");
            }
            text.append(SEPARATOR).append(value);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The values of a cursor made by {@link #encode} with {@code expected} values, or a 400 problem. */
    public static List<String> decode(String cursor, int expected) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (StrictInput.problemWith(text) != null || text.indexOf('\uFFFD') >= 0) {
                throw invalid();
            }
            List<String> parts = Arrays.asList(text.split(String.valueOf(SEPARATOR), -1));
            if (parts.size() != expected + 1 || !VERSION.equals(parts.get(0))) {
                throw invalid();
            }
            return List.copyOf(parts.subList(1, parts.size()));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    /**
     * The position a cursor names, read by {@code reader} from its {@code expected} values; a value
     * the reader cannot take (not a time, not a number) is the same 400 problem as a forged cursor.
     */
    public static <T> T read(String cursor, int expected, Function<List<String>, T> reader) {
        List<String> values = decode(cursor, expected);
        try {
            return reader.apply(values);
        } catch (RuntimeException e) {
            throw invalid();
        }
    }

    private static ApiProblem invalid() {
        return ApiProblem.invalidParameter("cursor", "is not a cursor this list handed out");
    }
}
