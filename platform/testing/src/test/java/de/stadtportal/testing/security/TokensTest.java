package de.stadtportal.testing.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
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
        assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo(Tokens.ISSUER);
        assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly(Tokens.AUDIENCE);
        assertThat(Files.readString(Tokens.publicKeyFile())).startsWith("-----BEGIN PUBLIC KEY-----");
    }

    @Test
    void claims_can_be_left_out_and_a_token_can_go_unsigned_or_hmac_signed() throws Exception {
        JWTClaimsSet bare = SignedJWT.parse(Tokens.builder().issuer(null).audience().sign()).getJWTClaimsSet();
        assertThat(bare.getIssuer()).isNull();
        assertThat(bare.getAudience()).isEmpty();
        assertThat(JWTParser.parse(Tokens.builder().unsigned()).getHeader().getAlgorithm().getName()).isEqualTo("none");
        SignedJWT hmac = SignedJWT.parse(Tokens.builder().hmacSigned(Tokens.pem(Tokens.trustedPublicKey())
                .getBytes(StandardCharsets.US_ASCII)));
        assertThat(hmac.getHeader().getAlgorithm().getName()).isEqualTo("HS256");
        assertThat(SignedJWT.parse(Tokens.builder().notYetValid().sign()).getJWTClaimsSet().getNotBeforeTime())
                .isAfter(new Date());
    }

    @Test
    void a_forged_token_does_not_verify_and_an_expired_one_is_past_its_time() throws Exception {
        SignedJWT forged = SignedJWT.parse(Tokens.builder().roles("admin").forged().sign());
        SignedJWT expired = SignedJWT.parse(Tokens.builder().roles("editor").expired().sign());

        assertThat(forged.verify(new RSASSAVerifier((RSAPublicKey) Tokens.trustedPublicKey()))).isFalse();
        assertThat(expired.getJWTClaimsSet().getExpirationTime()).isBefore(new Date());
    }
}
