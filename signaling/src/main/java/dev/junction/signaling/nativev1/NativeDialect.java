package dev.junction.signaling.nativev1;

import dev.junction.signaling.ClientSession;
import dev.junction.signaling.Connection;
import dev.junction.signaling.Dialect;
import dev.junction.signaling.Handshake;
import dev.junction.signaling.SignalingEvents;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Junction's own signaling protocol, version 1 (docs/API.md "Native protocol"): JSON frames over
 * one WebSocket; hello (with a JWT when required) and a welcome with a resumable session; rooms
 * with a capacity, presence and polite/impolite roles; offers, answers, candidates and messages
 * relayed within a room with the sender stamped; numbered frames acknowledged by the client, kept
 * for a resume within the grace window; bounded queues with expiry notices to senders.
 *
 * <p>The state is the {@link Hub}; the server calls {@link Hub#sweep} on a timer and serves the
 * admin API from it.
 */
public final class NativeDialect implements Dialect {

  public static final String NAME = "native";
  /** The subprotocol a client offers, and the server selects. */
  public static final String SUBPROTOCOL = "junction.v1+json";
  /** A second subprotocol {@code junction.token.<jwt>} carries the token where headers cannot be set (browsers). */
  public static final String TOKEN_SUBPROTOCOL_PREFIX = "junction.token.";
  /** The query parameter a token may come in, for clients that can set neither; request logs redact it. */
  public static final String TOKEN_QUERY_PARAMETER = "access_token";

  private static final String BEARER = "bearer ";

  private final Hub hub;
  private final Authenticator authenticator;
  private final SignalingEvents events;

  public NativeDialect(NativeSettings settings, JwtVerifier verifier, SignalingEvents events,
      LongSupplier nanoClock) {
    this.hub = new Hub(settings, nanoClock, events);
    this.authenticator = new Authenticator(verifier, settings.tokenRequired());
    this.events = events;
  }

  @Override
  public String name() {
    return NAME;
  }

  /** The native protocol has no rooms in its path: rooms are joined by message. */
  @Override
  public ClientSession open(Connection connection, String roomName) {
    return open(connection, new Handshake(roomName, Map.of(), Map.of()));
  }

  @Override
  public ClientSession open(Connection connection, Handshake handshake) {
    return new NativeClient(connection, hub, authenticator, events, handshakeToken(handshake));
  }

  /** The state, for the admin API and the sweep timer. */
  public Hub hub() {
    return hub;
  }

  /** The first token found: {@code Authorization: Bearer}, then a token subprotocol, then {@code access_token}. */
  static String handshakeToken(Handshake handshake) {
    for (String authorization : handshake.header("authorization")) {
      if (authorization.length() > BEARER.length()
          && authorization.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
        return authorization.substring(BEARER.length()).trim();
      }
    }
    for (String offered : handshake.header("sec-websocket-protocol")) {
      for (String subprotocol : offered.split(",")) {
        String candidate = subprotocol.trim();
        if (candidate.startsWith(TOKEN_SUBPROTOCOL_PREFIX) && candidate.length() > TOKEN_SUBPROTOCOL_PREFIX.length()) {
          return candidate.substring(TOKEN_SUBPROTOCOL_PREFIX.length());
        }
      }
    }
    return handshake.query().get(TOKEN_QUERY_PARAMETER);
  }
}
