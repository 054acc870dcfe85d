package dev.junction.server.config;

/**
 * The MDN "webrtc-from-chat" dialect.
 *
 * @param enabled serve the dialect at all
 * @param path WebSocket path on the main port
 * @param ownListener also listen on {@link #port} accepting any path, as the MDN client hard-codes {@code :6503}
 * @param port port of the own listener; 0 picks a free port (tests)
 * @param requireJsonSubprotocol refuse a handshake that does not offer the {@code json} subprotocol, as the MDN server does
 */
public record MdnConfig(
    boolean enabled, String path, boolean ownListener, int port, boolean requireJsonSubprotocol) {}
