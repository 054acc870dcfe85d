package dev.junction.server.config;

/**
 * Limits and liveness shared by every signaling dialect.
 *
 * @param maxFrameBytes largest WebSocket message accepted; larger ones close the socket with 1009
 * @param messagesPerSecond sustained message rate per connection (token bucket refill)
 * @param messageBurst message bucket size
 * @param bytesPerSecond sustained inbound bytes per connection
 * @param byteBurst byte bucket size
 * @param maxConnectionsPerIp concurrent WebSocket connections from one remote address
 * @param pingIntervalSeconds how often the server pings an otherwise quiet connection
 * @param idleTimeoutSeconds a connection that sends nothing (not even a pong) for this long is closed
 * @param maxRooms named rooms per dialect (clients pick room names in the WebSocket path)
 */
public record SignalingConfig(
    int maxFrameBytes,
    int messagesPerSecond,
    int messageBurst,
    int bytesPerSecond,
    int byteBurst,
    int maxConnectionsPerIp,
    int pingIntervalSeconds,
    int idleTimeoutSeconds,
    int maxRooms) {}
