package dev.junction.signaling;

/**
 * One connected client inside a dialect. The transport calls these methods one at a time, on the
 * connection's event loop, after it has checked the frame type, size and rate limits.
 */
public interface ClientSession {

  /** The session of a connection the dialect refused and is closing: it ignores everything. */
  ClientSession CLOSED = new ClientSession() {
    @Override
    public void onText(String text) {}

    @Override
    public void onClose() {}
  };

  /** One complete text message from the client. */
  void onText(String text);

  /** The connection is gone, for whatever reason; called exactly once. */
  void onClose();
}
