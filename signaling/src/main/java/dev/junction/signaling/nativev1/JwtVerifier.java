package dev.junction.signaling.nativev1;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.junction.signaling.Names;
import dev.junction.signaling.nativev1.TokenRefusal.Reason;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Verifies the native protocol's access tokens: JWTs signed with HS256 (a shared secret) or RS256
 * (an RSA key pair whose public half the server holds), and turns their claims into a {@link
 * Principal}. Signatures are verified before any claim is read; a token signed with an algorithm
 * the server has no key for is invalid, so {@code alg: none} and HS256-with-the-public-key tricks
 * fail.
 *
 * <p>Claims: {@code sub} (required, the identity), {@code exp} (required), {@code nbf}, {@code
 * iss} and {@code aud} (checked when configured), {@code name}, and {@code grants}: {@code {"room":
 * "team" | ["a","b"] | "*", "publish": true, "subscribe": true, "data": true, "admin": false}}.
 * Absent {@code publish}, {@code subscribe} and {@code data} are granted; absent {@code room} grants
 * no room; absent {@code admin} is false.
 *
 * <p>Immutable and thread-safe; time comes from the injected clock.
 */
public final class JwtVerifier {

  /** The claim holding the grants. */
  public static final String GRANTS_CLAIM = "grants";
  /** Clocks of the token's issuer and of this server may differ by this much. */
  static final long CLOCK_SKEW_MILLIS = 5_000;
  /** HS256 needs a key of at least 256 bits (RFC 7518 §3.2). */
  public static final int MIN_SECRET_BYTES = 32;

  private final List<JWSVerifier> hs256 = new ArrayList<>();
  private final List<JWSVerifier> rs256 = new ArrayList<>();
  private final String issuer;
  private final String audience;
  private final LongSupplier epochMillis;

  /**
   * @param hs256Secrets shared secrets, each at least {@value #MIN_SECRET_BYTES} bytes; any may have signed a token
   * @param rs256Keys public keys; any may have signed a token
   * @param issuer the {@code iss} every token must have, or empty for any
   * @param audience a value the token's {@code aud} must contain, or empty for any
   * @param epochMillis wall clock in milliseconds since the epoch ({@code System::currentTimeMillis} outside tests)
   */
  public JwtVerifier(List<byte[]> hs256Secrets, List<RSAPublicKey> rs256Keys, String issuer, String audience,
      LongSupplier epochMillis) {
    try {
      for (byte[] secret : hs256Secrets) {
        hs256.add(new MACVerifier(secret));
      }
    } catch (JOSEException e) {
      throw new IllegalArgumentException("an HS256 secret must be at least " + MIN_SECRET_BYTES + " bytes", e);
    }
    rs256Keys.forEach(key -> rs256.add(new RSASSAVerifier(key)));
    this.issuer = issuer;
    this.audience = audience;
    this.epochMillis = epochMillis;
  }

  /** The principal {@code token} names, once its signature and claims check out. */
  public Principal verify(String token) throws TokenRefusal {
    JWTClaimsSet claims = verifiedClaims(token);
    checkTime(claims);
    if (!issuer.isEmpty() && !issuer.equals(claims.getIssuer())) {
      throw invalid("the token's issuer (iss) is not " + issuer);
    }
    if (!audience.isEmpty() && (claims.getAudience() == null || !claims.getAudience().contains(audience))) {
      throw invalid("the token's audience (aud) does not include " + audience);
    }
    String identity = claims.getSubject();
    if (identity == null) {
      throw invalid("the token has no subject (sub), which names the client");
    }
    if (Identities.problem(identity).isPresent()) {
      throw invalid("the token's subject: " + Identities.problem(identity).get());
    }
    Object name = claims.getClaim("name");
    if (name != null && (!(name instanceof String text) || Names.peerNameProblem(text).isPresent())) {
      throw invalid("the token's name must be a string of 1 to " + Names.MAX_PEER_NAME + " characters");
    }
    return new Principal(identity, (String) name, grants(claims.getClaim(GRANTS_CLAIM)));
  }

  private JWTClaimsSet verifiedClaims(String token) throws TokenRefusal {
    SignedJWT jwt;
    try {
      jwt = SignedJWT.parse(token);
    } catch (ParseException e) {
      throw invalid("the token is not a signed JWT");
    }
    JWSAlgorithm algorithm = jwt.getHeader().getAlgorithm();
    List<JWSVerifier> keys = JWSAlgorithm.HS256.equals(algorithm) ? hs256
        : JWSAlgorithm.RS256.equals(algorithm) ? rs256 : List.of();
    if (keys.isEmpty()) {
      throw invalid("the server accepts no " + algorithm + " tokens");
    }
    for (JWSVerifier key : keys) {
      try {
        if (jwt.verify(key)) {
          return jwt.getJWTClaimsSet();
        }
      } catch (JOSEException | ParseException e) {
        throw invalid("the token cannot be verified: " + e.getMessage());
      }
    }
    throw invalid("the token's signature does not verify with any key of this server");
  }

  private void checkTime(JWTClaimsSet claims) throws TokenRefusal {
    long now = epochMillis.getAsLong();
    Date expires = claims.getExpirationTime();
    if (expires == null) {
      throw invalid("the token has no expiry (exp)");
    }
    if (now - CLOCK_SKEW_MILLIS >= expires.getTime()) {
      throw new TokenRefusal(Reason.EXPIRED, "the token expired at " + expires.toInstant());
    }
    Date notBefore = claims.getNotBeforeTime();
    if (notBefore != null && now + CLOCK_SKEW_MILLIS < notBefore.getTime()) {
      throw new TokenRefusal(Reason.EXPIRED, "the token is not valid before " + notBefore.toInstant());
    }
  }

  private static Grants grants(Object claim) throws TokenRefusal {
    if (claim == null) {
      return new Grants(List.of(), true, true, true, false);
    }
    if (!(claim instanceof Map<?, ?> grants)) {
      throw invalid("the token's " + GRANTS_CLAIM + " must be an object");
    }
    return new Grants(rooms(grants.get("room")), flag(grants, "publish", true), flag(grants, "subscribe", true),
        flag(grants, "data", true), flag(grants, "admin", false));
  }

  private static List<String> rooms(Object room) throws TokenRefusal {
    if (room == null) {
      return List.of();
    }
    if (room instanceof String single) {
      return List.of(single);
    }
    if (room instanceof List<?> many && many.stream().allMatch(String.class::isInstance)) {
      return many.stream().map(String.class::cast).toList();
    }
    throw invalid("the token's " + GRANTS_CLAIM + ".room must be a room name, \"*\" or a list of room names");
  }

  private static boolean flag(Map<?, ?> grants, String name, boolean absent) throws TokenRefusal {
    Object value = grants.get(name);
    if (value == null) {
      return absent;
    }
    if (value instanceof Boolean flag) {
      return flag;
    }
    throw invalid("the token's " + GRANTS_CLAIM + "." + name + " must be true or false");
  }

  private static TokenRefusal invalid(String message) {
    return new TokenRefusal(Reason.INVALID, message);
  }
}
