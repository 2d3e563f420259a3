package de.stadtportal.web.openapi;

import de.stadtportal.web.WebAutoConfiguration;
import de.stadtportal.web.WebProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Completes the API document of every service that has springdoc on its class path (see
 * {@link StandardResponses}); a service without springdoc gets nothing from here.
 */
@AutoConfiguration(after = WebAutoConfiguration.class)
@ConditionalOnClass(name = "org.springdoc.core.customizers.GlobalOpenApiCustomizer")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableConfigurationProperties(ApiDocumentationProperties.class)
public class OpenApiDocumentation {

    @Bean
    StandardResponses stadtportalStandardResponses(ApiDocumentationProperties properties, WebProperties web) {
        return new StandardResponses(properties, web.link(""));
    }
}
