package de.stadtportal.portal.api;

import org.springframework.core.ParameterizedTypeReference;

/** The list answers of the API the portal reads, as the types {@link PlatformApi#read} binds them to. */
public final class Lists {

    public static final ParameterizedTypeReference<Items<City>> CITIES = new ParameterizedTypeReference<>() {
    };
    public static final ParameterizedTypeReference<Items<Highlight>> HIGHLIGHTS = new ParameterizedTypeReference<>() {
    };
    public static final ParameterizedTypeReference<Items<Article>> ARTICLES = new ParameterizedTypeReference<>() {
    };
    public static final ParameterizedTypeReference<Items<Occurrence>> OCCURRENCES = new ParameterizedTypeReference<>() {
    };
    public static final ParameterizedTypeReference<Items<Category>> CATEGORIES = new ParameterizedTypeReference<>() {
    };
    public static final ParameterizedTypeReference<Items<Venue>> VENUES = new ParameterizedTypeReference<>() {
    };

    private Lists() {
    }
}
