package dev.junction.server.ws;

import io.vertx.core.buffer.Buffer;

/**
 * Joins the frames of one fragmented text message (RFC 6455 §5.4) and enforces the message size
 * limit as the frames arrive, so an oversized message is refused after at most one frame past the
 * limit, never buffered whole.
 *
 * <p>Confined to its socket's event loop.
 */
final class MessageAssembler {

  private final int maxBytes;
  private Buffer partial;

  MessageAssembler(int maxBytes) {
    this.maxBytes = maxBytes;
  }

  /**
   * Adds the payload of a text or continuation frame.
   *
   * @return the whole message once {@code last} is set, else null
   * @throws TooBigException when the message so far exceeds the limit
   */
  Buffer add(Buffer payload, boolean last) throws TooBigException {
    int size = (partial == null ? 0 : partial.length()) + payload.length();
    if (size > maxBytes) {
      partial = null;
      throw new TooBigException(size, maxBytes);
    }
    if (partial == null && last) {
      return payload;
    }
    if (partial == null) {
      partial = Buffer.buffer(Math.min(maxBytes, payload.length() * 2));
    }
    partial.appendBuffer(payload);
    if (!last) {
      return null;
    }
    Buffer message = partial;
    partial = null;
    return message;
  }

  /** A message grew past the limit. */
  static final class TooBigException extends Exception {
    TooBigException(int size, int maxBytes) {
      super("message of at least " + size + " bytes exceeds the limit of " + maxBytes);
    }
  }
}
