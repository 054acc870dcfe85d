package dev.junction.turn;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Nonces that need no server state: {@code <time><mac>}, where the MAC (HMAC-SHA256, truncated)
 * covers the issue time and the client's transport address. A 401 therefore allocates nothing,
 * a nonce only works from the address it was sent to (a spoofed source never sees it), and an
 * old one is recognised as stale (438) without a table of issued nonces. Nodes sharing the key
 * accept each other's nonces.
 *
 * <p>Thread-safe.
 */
public final class StatelessNonces {

  /** What a presented nonce turned out to be. */
  public enum Check { VALID, STALE, INVALID }

  private static final int TIME_HEX = 16;
  private static final int MAC_BYTES = 12;
  private static final HexFormat HEX = HexFormat.of();

  private final SecretKeySpec key;
  private final long lifetimeMillis;
  private final LongSupplier clockMillis;

  /**
   * @param key a secret of at least 16 bytes
   * @param lifetime how long a nonce stays valid (RFC 8656: at most an hour; coturn uses 600 s)
   * @param clockMillis wall clock in milliseconds ({@code System::currentTimeMillis} outside tests)
   */
  public StatelessNonces(byte[] key, Duration lifetime, LongSupplier clockMillis) {
    if (key.length < 16) {
      throw new IllegalArgumentException("a nonce key must be at least 16 bytes, got " + key.length);
    }
    this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    this.lifetimeMillis = lifetime.toMillis();
    this.clockMillis = clockMillis;
  }

  /** A fresh nonce for {@code client}. */
  public String issue(InetSocketAddress client) {
    long now = clockMillis.getAsLong();
    return HEX.toHexDigits(now) + HEX.formatHex(mac(now, client));
  }

  /** Whether {@code nonce} was issued to {@code client} by a holder of the key, and is still fresh. */
  public Check check(String nonce, InetSocketAddress client) {
    if (nonce.length() != TIME_HEX + 2 * MAC_BYTES) {
      return Check.INVALID;
    }
    long issued;
    byte[] presented;
    try {
      issued = HEX.fromHexDigitsToLong(nonce, 0, TIME_HEX);
      presented = HEX.parseHex(nonce, TIME_HEX, nonce.length());
    } catch (IllegalArgumentException e) {
      return Check.INVALID;
    }
    if (!MessageDigest.isEqual(presented, mac(issued, client))) {
      return Check.INVALID;
    }
    long age = clockMillis.getAsLong() - issued;
    return age >= 0 && age <= lifetimeMillis ? Check.VALID : Check.STALE;
  }

  private byte[] mac(long issuedMillis, InetSocketAddress client) {
    byte[] address = client.getAddress().getAddress();
    ByteBuffer input = ByteBuffer.allocate(8 + address.length + 2)
        .putLong(issuedMillis).put(address).putShort((short) client.getPort());
    try {
      Mac hmac = Mac.getInstance("HmacSHA256");
      hmac.init(key);
      byte[] full = hmac.doFinal(input.array());
      return java.util.Arrays.copyOf(full, MAC_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required of every JDK", e);
    }
  }
}
