package de.stadtportal.portal.desk.api;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import java.text.ParseException;
import java.util.List;

/**
 * The signed-in editor: the name to greet and the cities their access token names ({@code cities},
 * {@code *} for every city). The desk uses the cities only to offer what is worth opening; the API
 * checks the token's signature and decides on every call, so the token is read here without
 * verifying it again.
 */
public record Editor(String name, List<String> cities) {

    public static Editor of(String name, String accessToken) {
        try {
            JWTClaimsSet claims = JWTParser.parse(accessToken).getJWTClaimsSet();
            List<String> cities = claims.getStringListClaim("cities");
            return new Editor(name, cities == null ? List.of() : List.copyOf(cities));
        } catch (ParseException e) {
            // a provider that hands out opaque tokens: the API still decides, the desk just offers nothing
            return new Editor(name, List.of());
        }
    }

    public boolean mayEdit(String city) {
        return cities.contains("*") || cities.contains(city);
    }
}
