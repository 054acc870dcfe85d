package dev.junction.signaling.peerjs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.junction.signaling.CloseReason;
import dev.junction.signaling.Connection;
import java.util.ArrayList;
import java.util.List;

/** A connection that keeps what the dialect sent it and how it was closed. */
public final class RecordingConnection implements Connection {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<String> sent = new ArrayList<>();
  private CloseReason closed;
  private boolean closing;

  @Override
  public String remoteAddress() {
    return "127.0.0.1";
  }

  @Override
  public void send(String text) {
    sent.add(text);
  }

  @Override
  public boolean isOpen() {
    return closed == null && !closing;
  }

  @Override
  public void close(CloseReason reason) {
    if (closed == null) {
      closed = reason;
    }
  }

  /** The state of a socket whose close handshake has begun but whose close event has not come. */
  public void startClosing() {
    closing = true;
  }

  public CloseReason closed() {
    return closed;
  }

  /** Every message sent so far, parsed, and forgets them. */
  public List<JsonNode> take() {
    List<JsonNode> messages = new ArrayList<>();
    for (String text : sent) {
      try {
        messages.add(JSON.readTree(text));
      } catch (Exception e) {
        throw new AssertionError("the dialect sent invalid JSON: " + text, e);
      }
    }
    sent.clear();
    return messages;
  }

  /** The types of every message sent so far, and forgets them. */
  public List<String> types() {
    return take().stream().map(message -> message.path("type").asText()).toList();
  }
}
