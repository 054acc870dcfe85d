package dev.junction.server.nativev1;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.junction.server.TestServers;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

/** Tokens for tests, signed here with nimbus as an application's backend would sign them. */
final class TestTokens {

  private TestTokens() {}

  /** An HS256 token of the test servers' secret for {@code identity} with {@code grants}, valid for an hour. */
  static String hs256(String identity, Map<String, Object> grants) {
    return hs256(TestServers.NATIVE_SECRET, identity, grants, Instant.now().plus(Duration.ofHours(1)));
  }

  static String hs256(String secret, String identity, Map<String, Object> grants, Instant expires) {
    try {
      return sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)), JWSAlgorithm.HS256, identity, grants, expires);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String rs256(KeyPair keys, String identity, Map<String, Object> grants) {
    return sign(new RSASSASigner(keys.getPrivate()), JWSAlgorithm.RS256, identity, grants,
        Instant.now().plus(Duration.ofHours(1)));
  }

  /** A token with admin rights over the test server. */
  static String admin() {
    return hs256("operator", Map.of("admin", true));
  }

  static KeyPair rsaKeys() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }

  private static String sign(JWSSigner signer, JWSAlgorithm algorithm, String identity, Map<String, Object> grants,
      Instant expires) {
    JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(identity).claim("name", "Name of " + identity)
        .expirationTime(Date.from(expires)).claim("grants", grants).build();
    SignedJWT jwt = new SignedJWT(new JWSHeader(algorithm), claims);
    try {
      jwt.sign(signer);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }
}
