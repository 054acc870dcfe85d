package dev.junction.signaling.apprtc;

/** The {@code result} strings of the AppRTC room server's answers, as apprtc.py names them. */
public enum RoomResult {
  SUCCESS,
  /** The room already has two clients. */
  FULL,
  /** The client id drawn for a join is already in the room (a collision of random ids): join again. */
  DUPLICATE_CLIENT,
  UNKNOWN_ROOM,
  UNKNOWN_CLIENT,
  /** The server could not do it: too many rooms, or too many messages waiting. */
  ERROR
}
