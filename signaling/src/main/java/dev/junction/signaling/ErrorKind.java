package dev.junction.signaling;

import java.util.Locale;

/** Why a message or connection was refused: the {@code kind} label of the errors metric. */
public enum ErrorKind {
  /** The text was not a JSON object. */
  BAD_JSON,
  /** Valid JSON, but a field is missing or has the wrong type. */
  BAD_MESSAGE,
  /** A binary frame on a text protocol. */
  BINARY_FRAME,
  /** A message over the size limit. */
  FRAME_TOO_BIG,
  /** The connection spent its message or byte budget. */
  RATE_LIMITED,
  /** Too many connections from one address. */
  CONNECTION_LIMIT,
  /** A handshake the dialect does not accept (missing subprotocol, unknown path). */
  BAD_HANDSHAKE,
  /** The client went silent past the idle timeout. */
  IDLE_TIMEOUT,
  /** The message named a sender other than the connection's own identity. */
  SENDER_MISMATCH,
  /** A message that needs an identity came before the client had one. */
  NOT_NAMED,
  /** The name asked for is not a valid name. */
  BAD_NAME,
  /** The target is not connected; the message was dropped. */
  UNKNOWN_TARGET,
  /** A message type the dialect does not know. */
  UNKNOWN_TYPE,
  /** A new room was refused because the room limit is reached. */
  ROOM_LIMIT,
  /** The client read its messages too slowly and its send queue filled up. */
  SLOW_CONSUMER,
  /** The handshake's credentials (PeerJS key, id or token) were missing or invalid. */
  BAD_CREDENTIALS,
  /** The identity asked for is held by another client. */
  ID_TAKEN,
  /** The dialect's limit of registered peers is reached. */
  SERVER_FULL,
  /** The client sent no heartbeat within the dialect's alive timeout. */
  NO_HEARTBEAT,
  /** The target was registered but its connection was already closing: the message was not delivered. */
  PEER_GONE,
  /** A message was refused because the queue holding it for an absent peer is full. */
  QUEUE_FULL,
  /** A room is at its capacity; the client was not let in. */
  ROOM_FULL,
  /** The message named a client the room does not have (never joined, left, or timed out). */
  UNKNOWN_CLIENT,
  /** The client did not identify itself within the time allowed after connecting or joining. */
  REGISTER_TIMEOUT,
  /** A token was required and none was presented. */
  TOKEN_MISSING,
  /** The token was malformed, forged, signed with an unknown key or for another issuer or audience. */
  TOKEN_INVALID,
  /** The token's {@code exp} has passed, or its {@code nbf} has not come yet. */
  TOKEN_EXPIRED,
  /** The client's grants do not allow what it asked for (a room, media, data). */
  NOT_GRANTED,
  /** The client addressed a room it is not in. */
  NOT_IN_ROOM,
  /** A resume named an unknown or expired session, the wrong secret or an impossible sequence number. */
  RESUME_FAILED;

  /** The metrics label: lowercase with underscores. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
