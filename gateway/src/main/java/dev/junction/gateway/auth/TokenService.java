package dev.junction.gateway.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;

/**
 * Issues and verifies the gateway's bearer tokens: HS256 JWTs, an access token (1 hour by
 * default, as XProtect's IDP) and a longer-lived refresh token, told apart by a {@code token_use}
 * claim so one can never stand in for the other. Stateless: any node holding the key verifies.
 * Thread-safe.
 */
public final class TokenService {

  /** What a token may be used for. */
  public enum Use { ACCESS, REFRESH }

  /** Tokens handed to a client; {@code refreshToken} null when none was asked for. */
  public record Issued(String accessToken, long expiresInSeconds, String refreshToken) {}

  static final String ISSUER = "junction";
  private static final String USE_CLAIM = "token_use";

  private final MACSigner signer;
  private final MACVerifier verifier;
  private final Duration accessLifetime;
  private final Duration refreshLifetime;
  private final Clock clock;

  /**
   * @param key the HS256 key, at least 32 bytes (share it between nodes)
   */
  public TokenService(byte[] key, Duration accessLifetime, Duration refreshLifetime, Clock clock) {
    try {
      this.signer = new MACSigner(key);
      this.verifier = new MACVerifier(key);
    } catch (JOSEException e) {
      throw new IllegalArgumentException("the token key must be at least 32 bytes: " + e.getMessage(), e);
    }
    this.accessLifetime = accessLifetime;
    this.refreshLifetime = refreshLifetime;
    this.clock = clock;
  }

  /** An access token for {@code username}, and a refresh token when {@code withRefresh}. */
  public Issued issue(String username, boolean withRefresh) {
    return new Issued(sign(username, Use.ACCESS, accessLifetime), accessLifetime.toSeconds(),
        withRefresh ? sign(username, Use.REFRESH, refreshLifetime) : null);
  }

  /** The username a valid, unexpired token of {@code use} was issued to; empty otherwise. */
  public Optional<String> verify(String token, Use use) {
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
        return Optional.empty();
      }
      JWTClaimsSet claims = jwt.getJWTClaimsSet();
      Date expiry = claims.getExpirationTime();
      boolean valid = ISSUER.equals(claims.getIssuer())
          && use.name().toLowerCase(java.util.Locale.ROOT).equals(claims.getStringClaim(USE_CLAIM))
          && expiry != null && expiry.toInstant().isAfter(clock.instant())
          && claims.getSubject() != null;
      return valid ? Optional.of(claims.getSubject()) : Optional.empty();
    } catch (ParseException | JOSEException e) {
      return Optional.empty();
    }
  }

  private String sign(String username, Use use, Duration lifetime) {
    Instant now = clock.instant();
    JWTClaimsSet claims = new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .subject(username)
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(lifetime)))
        .jwtID(UUID.randomUUID().toString())
        .claim(USE_CLAIM, use.name().toLowerCase(java.util.Locale.ROOT))
        .claim("scope", "managementserver")
        .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign a token: " + e.getMessage(), e);
    }
    return jwt.serialize();
  }
}
