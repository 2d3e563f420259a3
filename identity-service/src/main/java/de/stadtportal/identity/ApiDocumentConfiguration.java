package de.stadtportal.identity;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The admin API's document at {@code /v3/api-docs} (springdoc, only {@code /api/identity/**}): the
 * issuer as its server, since the provider is reached there and not through the gateway, and a
 * bearer token of this provider on every operation. The OAuth2 and OpenID endpoints are described by
 * the discovery document instead, and the login page is for people.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentConfiguration {

    static final String BEARER = "bearer";

    @Bean
    OpenAPI identityApiDocument(IdentityProperties properties) {
        return new OpenAPI()
                .info(new Info().title("Stadtportal identity admin API").version("1")
                        .description("People who sign in to Stadtportal: create, change and disable accounts, set"
                                + " their cities, read who changed what; signing keys and their rotation. Every"
                                + " operation needs a bearer token of this provider with the role admin."))
                .servers(List.of(new Server().url(properties.issuer())))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .security(List.of(new SecurityRequirement().addList(BEARER)));
    }
}
