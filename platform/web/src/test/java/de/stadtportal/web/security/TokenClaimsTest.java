package de.stadtportal.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import de.stadtportal.kernel.Caller;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class TokenClaimsTest {

    @Test
    void by_default_roles_and_cities_are_the_top_level_claims_of_those_names() {
        Caller caller = TokenClaims.DEFAULT.callerOf(jwt(c -> c.put("roles", List.of("editor"))
                .put("cities", List.of("bochum", "herne"))));

        assertThat(caller.isEditorOf("bochum")).isTrue();
        assertThat(caller.isEditorOf("dortmund")).isFalse();
        assertThat(caller.cities()).containsExactlyInAnyOrder("bochum", "herne");
    }

    @Test
    void a_dotted_name_reads_a_nested_claim_as_keycloak_keeps_realm_roles() {
        TokenClaims keycloak = new TokenClaims("realm_access.roles", "stadtportal.cities");
        Caller caller = keycloak.callerOf(jwt(c -> c
                .put("realm_access", Map.of("roles", List.of("editor", "offline_access")))
                .put("stadtportal", Map.of("cities", "bochum witten"))));

        assertThat(caller.roles()).containsExactlyInAnyOrder("editor", "offline_access");
        assertThat(caller.cities()).containsExactlyInAnyOrder("bochum", "witten");
    }

    @Test
    void a_claim_whose_whole_name_holds_dots_is_taken_before_any_path() {
        TokenClaims auth0 = new TokenClaims("https://stadtportal.de/roles", "https://stadtportal.de/cities");
        Caller caller = auth0.callerOf(jwt(c -> c.put("https://stadtportal.de/roles", List.of("admin"))
                .put("https://stadtportal.de/cities", "*")));

        assertThat(caller.isAdmin()).isTrue();
        assertThat(caller.cities()).containsExactly("*");
    }

    @Test
    void a_missing_path_an_object_where_values_belong_and_values_that_are_no_strings_give_nothing() {
        TokenClaims keycloak = new TokenClaims("realm_access.roles", "resource_access.portal.cities");
        assertThat(keycloak.callerOf(jwt(c -> c.put("realm_access", "editor"))).roles()).isEmpty();
        assertThat(keycloak.callerOf(jwt(c -> c.put("realm_access", Map.of("roles", Map.of("editor", true)))))
                .roles()).isEmpty();
        assertThat(keycloak.callerOf(jwt(c -> c.put("realm_access", Map.of("roles", List.of(1, "editor")))))
                .roles()).containsExactly("editor");
        assertThat(keycloak.callerOf(jwt(c -> c.put("resource_access", Map.of()))).cities()).isEmpty();
    }

    @Test
    void the_token_checks_authorities_are_the_roles_from_the_configured_claim() {
        TokenClaims keycloak = new TokenClaims("realm_access.roles", "cities");
        AbstractAuthenticationToken authentication = TokenSecurityConfiguration.callers(keycloak)
                .convert(jwt(c -> c.put("realm_access", Map.of("roles", List.of("admin")))
                        .put("roles", List.of("editor"))))
                .block();

        assertThat(authentication.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_admin");
        assertThat(Callers.of(authentication).isAdmin()).isTrue();
        assertThat(Callers.of(authentication).roles()).containsExactly("admin");
    }

    private static Jwt jwt(Consumer<Claims> claims) {
        Jwt.Builder builder = Jwt.withTokenValue("t").header("alg", "RS256").subject("someone")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60));
        claims.accept(new Claims(builder));
        return builder.build();
    }

    /** Adds claims to a token under construction, one call per claim. */
    private record Claims(Jwt.Builder builder) {
        Claims put(String name, Object value) {
            builder.claim(name, value);
            return this;
        }
    }
}
