package de.stadtportal.web.security;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.stadtportal.testing.security.Tokens;
import de.stadtportal.web.WebTestApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

class RequiredTokenSettingsIT {

    private static final String KEY = "stadtportal.security.jwt.public-key-location=file:" + Tokens.publicKeyFile();

    @Test
    void a_service_that_is_not_told_whose_tokens_to_trust_refuses_to_start_and_names_the_setting() {
        assertThatThrownBy(() -> start(KEY))
                .hasStackTraceContaining("stadtportal.security.jwt.issuer")
                .hasStackTraceContaining("must be set to the issuer (iss) of the tokens this service accepts");
    }

    @Test
    void a_blank_audience_is_refused_at_startup_too() {
        assertThatThrownBy(() -> start(KEY, "stadtportal.security.jwt.issuer=" + Tokens.ISSUER,
                "stadtportal.security.jwt.audience= "))
                .hasStackTraceContaining("stadtportal.security.jwt.audience");
    }

    private static void start(String... properties) {
        new SpringApplicationBuilder(WebTestApplication.class).web(WebApplicationType.REACTIVE)
                .properties("server.port=0", "spring.main.banner-mode=off")
                .properties(properties)
                .run()
                .close();
    }
}
