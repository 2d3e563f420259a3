package de.stadtportal.portal.desk.api;

/**
 * What the API answered: a value with its entity tag, or a refusal (never both).
 *
 * @param value   the body of a 2xx answer, null for a refusal or an empty body
 * @param etag    the {@code ETag} of a 2xx answer, null when it had none
 * @param refusal the problem of a 4xx/5xx answer, null for a success
 */
public record Answer<T>(T value, String etag, Refusal refusal) {

    public static <T> Answer<T> of(T value, String etag) {
        return new Answer<>(value, etag, null);
    }

    public static <T> Answer<T> refused(Refusal refusal) {
        return new Answer<>(null, null, refusal);
    }

    public boolean ok() {
        return refusal == null;
    }

    /** The same refusal as an answer of another type. */
    public <U> Answer<U> asRefusal() {
        return refused(refusal);
    }
}
