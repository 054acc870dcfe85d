package dev.junction.turn.io;

import dev.junction.turn.ChannelData;
import dev.junction.turn.RelayBinder.PeerDataHandler;
import dev.junction.turn.RelaySocket;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.EventLoop;
import io.netty.channel.IoEvent;
import io.netty.channel.IoEventLoop;
import io.netty.channel.IoRegistration;
import io.netty.channel.epoll.EpollIoEvent;
import io.netty.channel.epoll.EpollIoHandle;
import io.netty.channel.epoll.EpollIoOps;
import io.netty.channel.unix.DatagramSocketAddress;
import io.netty.channel.unix.FileDescriptor;
import io.netty.channel.unix.Socket;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An allocation's relay socket, read and written straight from its epoll loop. A relay socket
 * carries one datagram at a time in each direction, so a Netty channel's machinery (pipeline,
 * a DatagramPacket and an outbound-queue entry per datagram) costs more than the system call it
 * wraps; here a read is one {@code recvfrom} handed to the protocol. Sends wait for the end of the
 * loop's turn, so that equal-length datagrams to one peer leave as one segmented {@code sendto}
 * ({@link SegmentRun}); a lone datagram is one plain {@code sendto}.
 *
 * <p>Each datagram is read {@link ChannelData#HEADER_BYTES} into its buffer, so the protocol can
 * frame it as ChannelData for the client where it lies instead of copying it.
 *
 * <p>Confined to its loop: every method but {@link #bind} runs there.
 */
final class EpollRelaySocket implements RelaySocket, EpollIoHandle, SegmentRun.Sink {

  private static final Logger log = LoggerFactory.getLogger(EpollRelaySocket.class);

  /** Larger than any datagram a peer should send us (what a Netty datagram channel reads too). */
  private static final int MAX_DATAGRAM = 2048;
  private static final int SOCKET_BUFFER_BYTES = 1 << 20;
  /** Datagrams read per readiness report, so one busy peer cannot hold the loop. */
  private static final int READS_PER_EVENT = 16;
  /** setsockopt level and option of UDP GSO (linux/udp.h). */
  private static final int SOL_UDP = 17;
  private static final int UDP_SEGMENT = 103;

  private final Socket socket;
  private final IoEventLoop loop;
  private final ByteBufAllocator alloc;
  private final PeerDataHandler onPeerData;
  private final InetSocketAddress localAddress;
  private final Supplier<FlushBatch> batch;
  private final SegmentRun run = new SegmentRun();
  /**
   * The socket's UDP_SEGMENT option, 0 when off. It is left set after a segmented send: a later
   * datagram no longer than it still leaves whole, and only a longer one needs it reset first.
   */
  private int socketSegmentSize;
  private IoRegistration registration;

  private EpollRelaySocket(Socket socket, IoEventLoop loop, ByteBufAllocator alloc, Supplier<FlushBatch> batch,
      PeerDataHandler onPeerData) throws IOException {
    this.socket = socket;
    this.loop = loop;
    this.alloc = alloc;
    this.batch = batch;
    this.onPeerData = onPeerData;
    this.localAddress = socket.localAddress();
  }

  /**
   * Binds a UDP socket at {@code local} and registers it with {@code loop} for reading. The
   * future fails when the address cannot be bound (the port is taken).
   */
  static Future<RelaySocket> bind(InetSocketAddress local, IoEventLoop loop, ByteBufAllocator alloc,
      Supplier<FlushBatch> batch, PeerDataHandler onPeerData) {
    Promise<RelaySocket> bound = loop.newPromise();
    Socket socket = Socket.newSocketDgram();
    EpollRelaySocket relay;
    try {
      socket.setReceiveBufferSize(SOCKET_BUFFER_BYTES);
      socket.setSendBufferSize(SOCKET_BUFFER_BYTES);
      socket.bind(local);
      relay = new EpollRelaySocket(socket, loop, alloc, batch, onPeerData);
    } catch (IOException e) {
      closeQuietly(socket);
      return bound.setFailure(e);
    }
    loop.register(relay).addListener((Future<IoRegistration> registered) -> {
      if (!registered.isSuccess()) {
        closeQuietly(socket);
        bound.setFailure(registered.cause());
        return;
      }
      relay.registration = registered.getNow();
      relay.registration.submit(EpollIoOps.EPOLLIN);
      bound.setSuccess(relay);
    });
    return bound;
  }

  @Override
  public FileDescriptor fd() {
    return socket;
  }

  @Override
  public void handle(IoRegistration registration, IoEvent event) {
    EpollIoOps ready = ((EpollIoEvent) event).ops();
    if (ready.contains(EpollIoOps.EPOLLIN) || ready.contains(EpollIoOps.EPOLLERR)) {
      readAvailable();
    }
  }

  /**
   * Level-triggered: what is left after {@link #READS_PER_EVENT} is reported again next turn. The
   * handler may close the socket (its allocation ended): then reading stops.
   */
  private void readAvailable() {
    for (int i = 0; i < READS_PER_EVENT && socket.isOpen(); i++) {
      ByteBuf buffer = alloc.directBuffer(ChannelData.HEADER_BYTES + MAX_DATAGRAM);
      DatagramSocketAddress peer;
      try {
        peer = receive(buffer);
      } catch (IOException e) {
        // A pending socket error (say, an ICMP report) is cleared by reading it: epoll reports
        // the socket again if datagrams wait behind it.
        buffer.release();
        log.debug("relay socket {}: read failed: {}", localAddress, e.getMessage());
        return;
      }
      if (peer == null) { // nothing more to read
        buffer.release();
        return;
      }
      buffer.setIndex(ChannelData.HEADER_BYTES, ChannelData.HEADER_BYTES + peer.receivedAmount());
      onPeerData.onPeerData(peer, buffer);
    }
  }

  private DatagramSocketAddress receive(ByteBuf buffer) throws IOException {
    int from = ChannelData.HEADER_BYTES;
    if (buffer.hasMemoryAddress()) {
      return socket.recvFromAddress(buffer.memoryAddress(), from, buffer.capacity());
    }
    ByteBuffer nio = buffer.internalNioBuffer(from, buffer.capacity() - from);
    return socket.recvFrom(nio, nio.position(), nio.limit());
  }

  @Override
  public InetSocketAddress localAddress() {
    return localAddress;
  }

  /** Queues {@code data} in this socket's run; the loop's {@link FlushBatch} sends it at the end of the turn. */
  @Override
  public void send(InetSocketAddress peer, ByteBuf data) {
    boolean wasOpen = run.isOpen();
    run.add(this, peer, data);
    if (!wasOpen && run.isOpen()) {
      batch.get().add(run, loop);
    }
  }

  /**
   * UDP is best effort: a datagram the kernel will not take (a full send buffer, an unreachable
   * network) is dropped, as a router would drop it.
   */
  @Override
  public void sendDatagram(InetSocketAddress to, ByteBuf datagram) {
    if (socketSegmentSize != 0 && datagram.readableBytes() > socketSegmentSize && !segmentSize(0)) {
      datagram.release(); // would be cut into segments
      return;
    }
    sendTo(to, datagram);
  }

  @Override
  public void sendSegments(InetSocketAddress to, ByteBuf segments, int segmentSize) {
    if (socketSegmentSize != segmentSize && !segmentSize(segmentSize)) {
      SegmentRun.turnOff(new IOException("setsockopt UDP_SEGMENT failed"));
      SegmentRun.sendOneByOne(this, to, segments, segmentSize);
      return;
    }
    Throwable failure = sendTo(to, segments.retain()); // kept for a resend one by one
    if (failure != null && SegmentRun.refused(failure)) {
      SegmentRun.sendOneByOne(this, to, segments, segmentSize);
    } else {
      segments.release();
    }
  }

  private boolean segmentSize(int size) {
    try {
      socket.setIntOpt(SOL_UDP, UDP_SEGMENT, size);
      socketSegmentSize = size;
      return true;
    } catch (IOException e) {
      log.warn("relay socket {}: setting UDP_SEGMENT to {} failed: {}", localAddress, size, e.getMessage());
      return false;
    }
  }

  /** One {@code sendto}; returns its failure, already logged, or null. */
  private Throwable sendTo(InetSocketAddress peer, ByteBuf data) {
    ByteBuf direct = data.isDirect() ? data : copyToDirect(data);
    try {
      int start = direct.readerIndex();
      int end = direct.writerIndex();
      if (direct.hasMemoryAddress()) {
        socket.sendToAddress(direct.memoryAddress(), start, end, peer.getAddress(), peer.getPort());
      } else {
        ByteBuffer nio = direct.internalNioBuffer(start, end - start);
        socket.sendTo(nio, nio.position(), nio.limit(), peer.getAddress(), peer.getPort());
      }
      return null;
    } catch (IOException e) {
      log.debug("relay socket {}: send to {} failed: {}", localAddress, peer, e.getMessage());
      return e;
    } finally {
      direct.release();
    }
  }

  private ByteBuf copyToDirect(ByteBuf data) {
    try {
      return alloc.directBuffer(data.readableBytes()).writeBytes(data);
    } finally {
      data.release();
    }
  }

  @Override
  public EventLoop eventLoop() {
    return loop;
  }

  /** Unregisters (the loop then calls {@link #close()} back, which closes the socket). */
  @Override
  public void close() {
    if (!loop.inEventLoop()) {
      loop.execute(this::close);
      return;
    }
    run.emit(); // what the allocation sent before it ended
    if (registration != null && registration.isValid()) {
      registration.cancel();
    } else {
      closeQuietly(socket);
    }
  }

  @Override
  public void unregistered() {
    closeQuietly(socket);
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      log.debug("closing a relay socket: {}", e.getMessage());
    }
  }
}
