package dev.junction.signaling;

/**
 * One client's signaling connection as the core sees it: something that carries text messages
 * and can be closed. The transport (a WebSocket today) adapts to this; the core and the dialects
 * never see the transport.
 *
 * <p>Implementations must be safe to call from any thread and must never block: {@link #send}
 * queues the message on the connection's own event loop.
 */
public interface Connection {

  /** The address the client connected from, without the port (for logs and per-IP limits). */
  String remoteAddress();

  /** Queues one text message. Messages sent from one thread arrive in the order they were sent. */
  void send(String text);

  /**
   * False once the connection is closing or closed: a message sent now would be dropped. A
   * dialect that must tell a sender its message was lost asks this before sending.
   */
  boolean isOpen();

  /** Closes the connection with a WebSocket close code and a short reason the client sees. */
  void close(CloseReason reason);
}
