package dev.junction.stun;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA1 and HMAC-SHA256 instances, one per thread: {@link Mac#getInstance} looks up a
 * provider on every call, too slow for a server checking every request, and a {@code Mac} is not
 * thread-safe. Event-loop threads live as long as the server, so the per-thread copy is reused.
 */
final class Hmac {

  private static final ThreadLocal<Mac> SHA1 = ThreadLocal.withInitial(() -> newMac("HmacSHA1"));
  private static final ThreadLocal<Mac> SHA256 = ThreadLocal.withInitial(() -> newMac("HmacSHA256"));

  private Hmac() {}

  static Mac sha1(IntegrityKey key) {
    return init(SHA1.get(), key.hmacSha1());
  }

  static Mac sha256(IntegrityKey key) {
    return init(SHA256.get(), key.hmacSha256());
  }

  private static Mac init(Mac mac, SecretKeySpec key) {
    try {
      mac.init(key); // also resets any state a previous, failed use left behind
      return mac;
    } catch (InvalidKeyException e) {
      throw new IllegalStateException("HMAC refused a non-empty raw key", e);
    }
  }

  private static Mac newMac(String algorithm) {
    try {
      return Mac.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides " + algorithm, e);
    }
  }
}
