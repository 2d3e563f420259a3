package de.stadtportal.portal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How much the portal keeps in memory: the API's answers (as long as their {@code Cache-Control}
 * allows; an answer with an ETag a while longer, to be confirmed by a 304) and rendered visitor
 * pages (for {@code pageTtl} at most, never longer than the page's own {@code max-age}; zero turns
 * that cache off).
 */
@ConfigurationProperties("stadtportal.portal.cache")
public record CacheSettings(
        @DefaultValue("32MB") DataSize apiSize,
        @DefaultValue("10m") Duration apiKeepForRevalidation,
        @DefaultValue("5s") Duration pageTtl,
        @DefaultValue("16MB") DataSize pageSize) {
}
