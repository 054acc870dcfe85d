package dev.junction.signaling.apprtc;

/**
 * Collider's {@code /status} counters.
 *
 * @param openSockets registered sockets now ({@code openws})
 * @param totalSockets registrations since start ({@code totalws})
 * @param socketErrors error frames sent since start ({@code wserrors})
 * @param httpErrors refused HTTP sends since start ({@code httperrors})
 */
public record ColliderStatus(int openSockets, long totalSockets, long socketErrors, long httpErrors) {}
