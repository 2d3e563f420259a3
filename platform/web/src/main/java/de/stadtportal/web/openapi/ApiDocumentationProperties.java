package de.stadtportal.web.openapi;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What a service's API document says about itself, under {@code stadtportal.web.api-docs}. The
 * server it names is the platform's public base URL ({@code stadtportal.web.public-base-url}), the
 * gateway, never the service's own host.
 */
@ConfigurationProperties("stadtportal.web.api-docs")
public record ApiDocumentationProperties(
        @DefaultValue("Stadtportal API") String title,
        @DefaultValue("") String description,
        @DefaultValue("1") String version) {
}
