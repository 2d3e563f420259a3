package de.stadtportal.testing.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.security.interfaces.RSAPublicKey;
import java.util.Date;
import org.junit.jupiter.api.Test;

class TokensTest {

    @Test
    void an_editor_token_carries_roles_and_cities_and_verifies_with_the_trusted_key() throws Exception {
        SignedJWT jwt = SignedJWT.parse(Tokens.editor("bochum", "herne"));

        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
        assertThat(jwt.verify(new RSASSAVerifier((RSAPublicKey) Tokens.trustedPublicKey()))).isTrue();
        assertThat(jwt.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("editor");
        assertThat(jwt.getJWTClaimsSet().getStringListClaim("cities")).containsExactly("bochum", "herne");
        assertThat(Files.readString(Tokens.publicKeyFile())).startsWith("-----BEGIN PUBLIC KEY-----");
    }

    @Test
    void a_forged_token_does_not_verify_and_an_expired_one_is_past_its_time() throws Exception {
        SignedJWT forged = SignedJWT.parse(Tokens.builder().roles("admin").forged().sign());
        SignedJWT expired = SignedJWT.parse(Tokens.builder().roles("editor").expired().sign());

        assertThat(forged.verify(new RSASSAVerifier((RSAPublicKey) Tokens.trustedPublicKey()))).isFalse();
        assertThat(expired.getJWTClaimsSet().getExpirationTime()).isBefore(new Date());
    }
}
