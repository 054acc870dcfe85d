package dev.junction.bench.turn;

import dev.junction.stun.IntegrityKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A TURN REST API credential (coturn's {@code use-auth-secret}): username {@code expiry:user},
 * password base64(HMAC-SHA1(secret, username)); the long-term key is MD5(username:realm:password).
 */
record RestCredential(String username, String password) {

  static RestCredential mint(String secret, String user, long expiryEpochSeconds) {
    String username = expiryEpochSeconds + ":" + user;
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      byte[] digest = mac.doFinal(username.getBytes(StandardCharsets.UTF_8));
      return new RestCredential(username, Base64.getEncoder().encodeToString(digest));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java platform has HmacSHA1", e);
    }
  }

  IntegrityKey key(String realm) {
    return IntegrityKey.longTerm(username, realm, password);
  }
}
