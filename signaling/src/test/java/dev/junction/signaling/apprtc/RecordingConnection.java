package dev.junction.signaling.apprtc;

import dev.junction.signaling.CloseReason;
import dev.junction.signaling.Connection;
import java.util.ArrayList;
import java.util.List;

/** A connection that keeps what the core sent it and how it was closed. */
final class RecordingConnection implements Connection {

  final List<String> sent = new ArrayList<>();
  CloseReason closed;

  @Override
  public String remoteAddress() {
    return "192.0.2.1";
  }

  @Override
  public void send(String text) {
    sent.add(text);
  }

  @Override
  public boolean isOpen() {
    return closed == null;
  }

  @Override
  public void close(CloseReason reason) {
    closed = reason;
  }

  /** The messages sent so far, and forgets them. */
  List<String> take() {
    List<String> taken = List.copyOf(sent);
    sent.clear();
    return taken;
  }
}
