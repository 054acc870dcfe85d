package dev.junction.server.signaling;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client written frame by frame from RFC 6455, for what polite clients never do:
 * stay silent to pings, or send one frame far over the size limit. Blocking; tests only.
 */
final class RawWebSocket implements AutoCloseable {

  static final int OPCODE_TEXT = 0x1;
  static final int OPCODE_BINARY = 0x2;
  static final int OPCODE_CLOSE = 0x8;
  static final int OPCODE_PING = 0x9;

  /** One received frame. */
  record Frame(int opcode, byte[] payload) {
    /** The status code of a close frame. */
    int closeCode() {
      return ((payload[0] & 0xff) << 8) | (payload[1] & 0xff);
    }
  }

  private final Socket socket;
  private final DataInputStream in;
  private final OutputStream out;

  RawWebSocket(int port, String path, String subprotocol, int readTimeoutMillis) throws IOException {
    this(port, path, subprotocol, readTimeoutMillis, 0);
  }

  /**
   * @param receiveBufferBytes the socket's receive buffer, fixed before connecting (0: the
   *     kernel's default, which grows to many MiB on loopback)
   */
  RawWebSocket(int port, String path, String subprotocol, int readTimeoutMillis, int receiveBufferBytes)
      throws IOException {
    socket = new Socket();
    if (receiveBufferBytes > 0) {
      socket.setReceiveBufferSize(receiveBufferBytes);
    }
    socket.connect(new java.net.InetSocketAddress("127.0.0.1", port));
    socket.setSoTimeout(readTimeoutMillis);
    in = new DataInputStream(socket.getInputStream());
    out = socket.getOutputStream();
    byte[] nonce = new byte[16];
    ThreadLocalRandom.current().nextBytes(nonce);
    String request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
        + "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: "
        + Base64.getEncoder().encodeToString(nonce) + "\r\n"
        + (subprotocol == null ? "" : "Sec-WebSocket-Protocol: " + subprotocol + "\r\n") + "\r\n";
    out.write(request.getBytes(StandardCharsets.US_ASCII));
    out.flush();
    String status = readHeaders();
    if (!status.startsWith("HTTP/1.1 101")) {
      throw new IOException("handshake refused: " + status);
    }
  }

  private String readHeaders() throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("connection closed during handshake");
      }
      head.write(b);
      matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toString(StandardCharsets.US_ASCII).lines().findFirst().orElse("");
  }

  /** Sends one masked frame with the FIN bit set, as a client must (RFC 6455 §5.3). */
  void sendFrame(int opcode, byte[] payload) throws IOException {
    sendFrameStart(opcode, payload.length, payload);
  }

  /**
   * Sends the header of a frame declaring {@code declaredLength} payload bytes, followed by only
   * {@code prefix}: enough for the server to judge the frame by its header.
   */
  void sendFrameStart(int opcode, long declaredLength, byte[] prefix) throws IOException {
    ByteArrayOutputStream frame = new ByteArrayOutputStream(prefix.length + 14);
    frame.write(0x80 | opcode);
    if (declaredLength < 126) {
      frame.write(0x80 | (int) declaredLength);
    } else if (declaredLength < 65536) {
      frame.write(0x80 | 126);
      frame.write((int) (declaredLength >>> 8));
      frame.write((int) declaredLength);
    } else {
      frame.write(0x80 | 127);
      for (int shift = 56; shift >= 0; shift -= 8) {
        frame.write((int) (declaredLength >>> shift));
      }
    }
    byte[] mask = new byte[4];
    ThreadLocalRandom.current().nextBytes(mask);
    frame.write(mask);
    for (int i = 0; i < prefix.length; i++) {
      frame.write(prefix[i] ^ mask[i % 4]);
    }
    out.write(frame.toByteArray());
    out.flush();
  }

  /** The next frame from the server, or null when the connection ends or the read times out. */
  Frame readFrame() throws IOException {
    try {
      int first = in.read();
      if (first < 0) {
        return null;
      }
      int second = in.readUnsignedByte();
      long length = second & 0x7f;
      if (length == 126) {
        length = in.readUnsignedShort();
      } else if (length == 127) {
        length = in.readLong();
      }
      byte[] payload = new byte[(int) length];
      in.readFully(payload);
      return new Frame(first & 0x0f, payload);
    } catch (SocketTimeoutException | java.io.EOFException | java.net.SocketException e) {
      return null;
    }
  }

  /** Reads frames, ignoring pings and text, until a close frame; null when none comes. */
  Frame awaitClose() throws IOException {
    for (Frame frame = readFrame(); frame != null; frame = readFrame()) {
      if (frame.opcode() == OPCODE_CLOSE) {
        return frame;
      }
    }
    return null;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
