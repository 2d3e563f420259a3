package de.stadtportal.gateway.edge;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;

/**
 * The city portal's editorial desk posts its forms from the browser with a session cookie, not a
 * bearer token: writes to the desk's own paths pass the gateway's token check and portal-web checks
 * the session and the form's CSRF token itself. Only these paths, never {@code /api/**}, whose
 * writes still need a token. Spring Security applies this customizer before the platform's rules,
 * so it is matched first.
 */
@Configuration(proxyBeanMethods = false)
class PortalDeskWrites {

    static final String[] DESK_PATHS = {"/redaktion", "/redaktion/**", "/login/**", "/logout"};

    @Bean
    Customizer<ServerHttpSecurity.AuthorizeExchangeSpec> portalDeskWritesPass() {
        return exchanges -> {
            for (HttpMethod method : new HttpMethod[] {HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE,
                    HttpMethod.PATCH}) {
                exchanges.pathMatchers(method, DESK_PATHS).permitAll();
            }
        };
    }
}
