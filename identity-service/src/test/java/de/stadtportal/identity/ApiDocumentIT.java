package de.stadtportal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import de.stadtportal.identity.Browser.Answer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@IdentityTest
class ApiDocumentIT {

    @LocalServerPort int port;

    @Test
    @SuppressWarnings("unchecked")
    void the_admin_api_is_described_without_a_token_with_its_server_and_bearer_scheme_and_nothing_else() {
        Answer document = new Browser(port).json("GET", "/v3/api-docs", null, null);

        assertThat(document.status()).as(document.raw()).isEqualTo(200);
        assertThat(document.string("openapi")).startsWith("3.0");
        Map<String, Object> paths = (Map<String, Object>) document.body().get("paths");
        assertThat(paths).containsKeys("/api/identity/users", "/api/identity/users/{username}",
                "/api/identity/users/{username}/cities", "/api/identity/keys/rotation");
        assertThat(paths.keySet()).allMatch(path -> path.startsWith("/api/identity/"));
        assertThat((Map<String, Object>) paths.get("/api/identity/users")).containsKeys("get", "post");
        assertThat((List<Map<String, Object>>) document.body().get("servers"))
                .containsExactly(Map.of("url", Verifier.ISSUER));
        assertThat((Map<String, Object>) ((Map<String, Object>) document.body().get("components"))
                .get("securitySchemes")).containsEntry(ApiDocumentConfiguration.BEARER,
                        Map.of("type", "http", "scheme", "bearer", "bearerFormat", "JWT"));
    }
}
