package dev.junction.signaling.peerjs;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The id and token a PeerJS client puts in its WebSocket URL ({@code ?key=…&id=…&token=…}), once
 * checked. The token is the id's ownership secret: a later connection with the same id and token
 * takes the id over, one with another token is refused.
 */
record Credentials(String id, String token) {

  /** Longest id or token accepted; the client's own ids are 36 (UUID) or about 11 characters. */
  static final int MAX_LENGTH = 128;

  /** The PeerJS client's own rule for ids (its {@code util.validateId}), so no id it accepts is refused here. */
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9]+(?:[ _-][A-Za-z0-9]+)*");

  /**
   * Checks a handshake's query parameters in peerjs-server's order: all three present, then the
   * key, then (beyond peerjs-server, which takes any text) the shape of the id and the token.
   *
   * @throws Refusal naming the {@code ERROR} text the client is sent
   */
  static Credentials check(Map<String, String> query, String expectedKey) throws Refusal {
    String key = query.get("key");
    String id = query.get("id");
    String token = query.get("token");
    if (isEmpty(key) || isEmpty(id) || isEmpty(token)) {
      throw new Refusal(PeerJsMessages.NO_CREDENTIALS);
    }
    if (!sameText(key, expectedKey)) {
      throw new Refusal(PeerJsMessages.INVALID_KEY);
    }
    if (id.length() > MAX_LENGTH || !ID.matcher(id).matches()) {
      throw new Refusal("Invalid id provided: an id is 1 to " + MAX_LENGTH
          + " letters and digits, single spaces, '_' or '-' between them");
    }
    if (token.length() > MAX_LENGTH || token.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
      throw new Refusal(PeerJsMessages.INVALID_TOKEN);
    }
    return new Credentials(id, token);
  }

  /** Never shows the token: it is the id's secret. */
  @Override
  public String toString() {
    return "Credentials[id=" + id + ", token=(hidden)]";
  }

  /** Whether {@code token} is this id's token, in time independent of where they differ. */
  boolean ownedBy(String token) {
    return sameText(this.token, token);
  }

  static boolean sameText(String a, String b) {
    return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  private static boolean isEmpty(String value) {
    return value == null || value.isEmpty();
  }

  /** A handshake refused with {@code ERROR}; the message is the text the client is sent. */
  static final class Refusal extends Exception {
    Refusal(String text) {
      super(text);
    }
  }
}
