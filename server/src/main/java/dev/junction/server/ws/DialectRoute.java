package dev.junction.server.ws;

import dev.junction.signaling.Dialect;

/**
 * Where a WebSocket handshake goes.
 *
 * @param dialect the protocol spoken on the socket
 * @param room the room named after the dialect's path ({@code /ws/mdn/team} → {@code team}), or null for the lobby
 * @param requiredSubprotocol a subprotocol the client must offer, or null when none is required
 */
public record DialectRoute(Dialect dialect, String room, String requiredSubprotocol) {}
