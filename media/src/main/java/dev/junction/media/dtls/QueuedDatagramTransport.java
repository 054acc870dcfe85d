package dev.junction.media.dtls;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.bouncycastle.tls.DatagramTransport;

/**
 * The datagram transport BouncyCastle's blocking DTLS engine reads and writes: inbound DTLS
 * records are offered by the media port's demultiplexer (from its event loop) into a bounded
 * queue; outbound ones go to the selected 5-tuple through {@code sender}.
 *
 * <p>{@link #offer} is called by the I/O thread, {@link #receive} and {@link #send} by the one
 * handshake (and then DTLS) thread.
 */
public final class QueuedDatagramTransport implements DatagramTransport {

  /** Small enough that handshake flights are never fragmented by IP (RFC 6347 §4.1.1.1). */
  static final int MTU = 1200;
  /** A handshake needs a handful of records; more queued means the peer is misbehaving. */
  private static final int QUEUE_CAPACITY = 64;

  private final BlockingQueue<byte[]> inbound = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
  private final Consumer<byte[]> sender;
  private volatile boolean closed;

  public QueuedDatagramTransport(Consumer<byte[]> sender) {
    this.sender = sender;
  }

  /** Hands one received DTLS record to the engine; false (dropped) when the queue is full or closed. */
  public boolean offer(byte[] record) {
    return !closed && inbound.offer(record);
  }

  @Override
  public int getReceiveLimit() {
    return MTU;
  }

  @Override
  public int getSendLimit() {
    return MTU;
  }

  @Override
  public int receive(byte[] buffer, int offset, int length, int waitMillis) throws IOException {
    if (closed) {
      // -1 would mean "nothing yet" and the engine would keep retransmitting into a closed session
      throw new IOException("the peer connection was closed");
    }
    try {
      byte[] record = inbound.poll(waitMillis, TimeUnit.MILLISECONDS);
      if (record == null) {
        return -1;
      }
      int copied = Math.min(length, record.length);
      System.arraycopy(record, 0, buffer, offset, copied);
      return copied;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("DTLS receive interrupted");
    }
  }

  @Override
  public void send(byte[] buffer, int offset, int length) {
    if (!closed) {
      sender.accept(java.util.Arrays.copyOfRange(buffer, offset, offset + length));
    }
  }

  @Override
  public void close() {
    closed = true;
    inbound.clear();
  }
}
