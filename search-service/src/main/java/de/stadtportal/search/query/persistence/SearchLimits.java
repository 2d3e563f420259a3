package de.stadtportal.search.query.persistence;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much work one search may do, so that a frequent word costs about as much as a rare one.
 *
 * @param countedExactly matches up to which total and facets are counted exactly and every match is
 *     ranked; above it they are estimated from a 32nd of the documents and the list is ranked
 *     from this many candidates
 * @param commonWord a query word found in at least this many documents is taken as meant and is
 *     not widened to compounds containing it or words one edit away
 */
@ConfigurationProperties("stadtportal.search.limits")
public record SearchLimits(@DefaultValue("1000") long countedExactly, @DefaultValue("2000") long commonWord) {

    /** The defaults, for callers outside Spring (the benchmark). */
    public static SearchLimits defaults() {
        return new SearchLimits(1000, 2000);
    }
}
