package dev.junction.signaling.nativev1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Token verification on a fixed clock: signatures first, then time, issuer, audience, subject and grants. */
class JwtVerifierTest {

  private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
  private static final long NOW = 1_800_000_000_000L;

  private final KeyPair rsa = rsaKeys();
  private final JwtVerifier verifier =
      new JwtVerifier(List.of(SECRET), List.of((RSAPublicKey) rsa.getPublic()), "", "", () -> NOW);

  private static KeyPair rsaKeys() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String sign(JWSSigner signer, JWSAlgorithm algorithm, Consumer<JWTClaimsSet.Builder> claims) {
    JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().subject("alice").expirationTime(new Date(NOW + 60_000));
    claims.accept(builder);
    SignedJWT jwt = new SignedJWT(new JWSHeader(algorithm), builder.build());
    try {
      jwt.sign(signer);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  private static String hs256(Consumer<JWTClaimsSet.Builder> claims) {
    try {
      return sign(new MACSigner(SECRET), JWSAlgorithm.HS256, claims);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private void assertRefused(String token, TokenRefusal.Reason reason, String messagePart) {
    assertThatThrownBy(() -> verifier.verify(token)).isInstanceOfSatisfying(TokenRefusal.class, refusal -> {
      assertThat(refusal.reason()).isEqualTo(reason);
      assertThat(refusal.getMessage()).contains(messagePart);
    });
  }

  @Test
  void aValidTokenNamesItsPrincipalWithItsGrantsAndDefaults() throws Exception {
    Principal principal = verifier.verify(hs256(claims -> claims.claim("name", "Alice")
        .claim("grants", Map.of("room", List.of("a", "b"), "publish", false))));
    assertThat(principal.identity()).isEqualTo("alice");
    assertThat(principal.name()).isEqualTo("Alice");
    assertThat(principal.grants()).isEqualTo(new Grants(List.of("a", "b"), false, true, true, false));

    Principal bare = verifier.verify(sign(new RSASSASigner(rsa.getPrivate()), JWSAlgorithm.RS256, claims -> { }));
    assertThat(bare.name()).isNull();
    assertThat(bare.grants().rooms()).as("no room unless granted").isEmpty();
    assertThat(bare.grants().admin()).isFalse();
  }

  @Test
  void timeIsCheckedWithFiveSecondsOfSkew() throws Exception {
    verifier.verify(hs256(claims -> claims.expirationTime(new Date(NOW + 1))));
    assertRefused(hs256(claims -> claims.expirationTime(new Date(NOW - 5_000))), TokenRefusal.Reason.EXPIRED, "expired");
    assertRefused(hs256(claims -> claims.notBeforeTime(new Date(NOW + 6_000))), TokenRefusal.Reason.EXPIRED,
        "not valid before");
    assertRefused(hs256(claims -> claims.expirationTime(null)), TokenRefusal.Reason.INVALID, "no expiry");
  }

  @Test
  void unsignedTokensAndAlgorithmsWithoutAKeyAreInvalid() {
    String plain = new PlainJWT(new JWTClaimsSet.Builder().subject("alice")
        .expirationTime(new Date(NOW + 60_000)).build()).serialize();
    assertRefused(plain, TokenRefusal.Reason.INVALID, "not a signed JWT");
    JwtVerifier rsaOnly = new JwtVerifier(List.of(), List.of((RSAPublicKey) rsa.getPublic()), "", "", () -> NOW);
    assertThatThrownBy(() -> rsaOnly.verify(hs256(claims -> { })))
        .isInstanceOfSatisfying(TokenRefusal.class, e -> assertThat(e.getMessage()).contains("no HS256"));
  }

  @Test
  void issuerAudienceSubjectAndGrantsMustBeRight() throws Exception {
    JwtVerifier strict = new JwtVerifier(List.of(SECRET), List.of(), "https://app", "junction", () -> NOW);
    strict.verify(hs256(claims -> claims.issuer("https://app").audience(List.of("x", "junction"))));
    assertThatThrownBy(() -> strict.verify(hs256(claims -> claims.issuer("https://evil").audience("junction"))))
        .hasMessageContaining("issuer");
    assertThatThrownBy(() -> strict.verify(hs256(claims -> claims.issuer("https://app"))))
        .hasMessageContaining("audience");
    assertRefused(hs256(claims -> claims.subject(null)), TokenRefusal.Reason.INVALID, "no subject");
    assertRefused(hs256(claims -> claims.subject("a b")), TokenRefusal.Reason.INVALID, "subject");
    assertRefused(hs256(claims -> claims.claim("grants", "all")), TokenRefusal.Reason.INVALID, "object");
    assertRefused(hs256(claims -> claims.claim("grants", Map.of("room", 7))), TokenRefusal.Reason.INVALID, "room");
    assertRefused(hs256(claims -> claims.claim("grants", Map.of("admin", "yes"))), TokenRefusal.Reason.INVALID,
        "admin");
  }

  @Test
  void aSecretShorterThan256BitsIsRefusedAtConstruction() {
    assertThatThrownBy(() -> new JwtVerifier(List.of(new byte[16]), List.of(), "", "", () -> NOW))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes");
  }
}
