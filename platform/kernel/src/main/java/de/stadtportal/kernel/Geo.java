package de.stadtportal.kernel;

/**
 * A point on the earth (WGS 84). A value outside the ranges is refused when it is made, so a request
 * body or an event that carries one is refused while it is read.
 */
public record Geo(double lat, double lon) {

    public Geo {
        if (!(lat >= -90 && lat <= 90)) {
            throw new IllegalArgumentException("lat must be within [-90, 90] but was " + lat);
        }
        if (!(lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException("lon must be within [-180, 180] but was " + lon);
        }
    }
}
