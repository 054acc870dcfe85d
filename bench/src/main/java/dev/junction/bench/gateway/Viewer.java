package dev.junction.bench.gateway;

import dev.junction.media.dtls.DtlsHandshake;
import dev.junction.media.dtls.DtlsIdentity;
import dev.junction.media.dtls.QueuedDatagramTransport;
import dev.junction.media.ice.IceCredentials;
import dev.junction.media.rtp.Demultiplex;
import dev.junction.media.rtp.GenericNack;
import dev.junction.media.rtp.RtcpCompound;
import dev.junction.media.srtp.DtlsRole;
import dev.junction.media.srtp.InboundSrtpContext;
import dev.junction.media.srtp.OutboundSrtpContext;
import dev.junction.media.srtp.SrtpContexts;
import dev.junction.media.srtp.SrtpException;
import dev.junction.media.srtp.SrtpProfile;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.tls.DTLSTransport;

/**
 * One load-generator viewer on its own UDP socket (a Netty channel connected to the gateway's
 * media port): what a browser does after its answer, minus decoding. It sends a nominating ICE
 * check until answered, runs the DTLS client handshake on the shared handshake pool, then
 * decrypts every SRTP and SRTCP packet and counts them in {@link ReceiveStats}, NACKs holes, and
 * sends a consent check every {@link #CONSENT_INTERVAL_MILLIS} so the gateway keeps the session.
 *
 * <p>Confined to its channel's event loop, except the blocking handshake, whose result is handed
 * back to the loop.
 */
final class Viewer extends SimpleChannelInboundHandler<DatagramPacket> {

  /** RFC 7675 wants a check at least every 5 s (randomised); the gateway drops a viewer after 30 s without. */
  static final long CONSENT_INTERVAL_MILLIS = 5_000;
  private static final long CHECK_RETRY_MILLIS = 200;
  private static final int CHECK_ATTEMPTS = 50;
  /** SRTP that arrives before the handshake's keys reach the loop: the start of the GOP burst. */
  private static final int EARLY_PACKETS = 4096;
  private static final int MAX_DATAGRAM = 2048;
  private static final int NACK_SENDER_SSRC = 1;

  enum State { CHECKING, HANDSHAKING, CONNECTED, FAILED, CLOSED }

  /** Counters beyond the video stream's. */
  static final class Counters {
    long rtcp;
    long authFailures;
    long otherSrtpErrors;
    long strayPackets;
    long earlyDropped;
    long nacksSent;
    long consentChecks;
    long consentAnswers;
  }

  final int id;
  final ReceiveStats stats = new ReceiveStats();
  final Counters counters = new Counters();
  private final GatewayOffer offer;
  private final DtlsIdentity identity;
  private final ExecutorService handshakes;
  private final ViewerShard shard;
  private final IceCredentials local = IceCredentials.random();
  private final long tieBreaker = ThreadLocalRandom.current().nextLong();
  private final CompletableFuture<Viewer> connected = new CompletableFuture<>();
  private final byte[] scratch = new byte[MAX_DATAGRAM];
  private final ArrayDeque<byte[]> early = new ArrayDeque<>();

  private Channel channel;
  private State state = State.CHECKING;
  private IceCheck outstanding;
  private int attempts;
  private ScheduledFuture<?> timer;
  private QueuedDatagramTransport dtls;
  private DTLSTransport established;
  private InboundSrtpContext inbound;
  private OutboundSrtpContext outbound;

  Viewer(int id, GatewayOffer offer, DtlsIdentity identity, ExecutorService handshakes, ViewerShard shard) {
    this.id = id;
    this.offer = offer;
    this.identity = identity;
    this.handshakes = handshakes;
    this.shard = shard;
  }

  /** The answer to PATCH: this viewer's ICE credentials and certificate. */
  String answer() {
    return ViewerAnswer.write(offer, local, identity.fingerprint());
  }

  /** Completes once SRTP keys are in place; fails when ICE or DTLS fails. */
  CompletableFuture<Viewer> connected() {
    return connected;
  }

  State state() {
    return state;
  }

  int localPort() {
    return ((InetSocketAddress) channel.localAddress()).getPort();
  }

  /** Starts ICE; on the channel's loop, once it is connected. */
  void start(Channel connectedChannel) {
    channel = connectedChannel;
    shard.viewers.add(this);
    sendCheck(true);
  }

  // ---- ICE ----

  private void sendCheck(boolean nominate) {
    outstanding = new IceCheck(offer.ice(), local, tieBreaker, nominate);
    channel.writeAndFlush(Unpooled.wrappedBuffer(outstanding.request()));
    if (nominate) {
      if (++attempts > CHECK_ATTEMPTS) {
        fail("no answer to " + CHECK_ATTEMPTS + " ICE checks");
        return;
      }
      timer = channel.eventLoop().schedule(() -> {
        if (state == State.CHECKING) {
          sendCheck(true);
        }
      }, CHECK_RETRY_MILLIS, TimeUnit.MILLISECONDS);
    } else {
      counters.consentChecks++;
    }
  }

  private void onStun(byte[] datagram) {
    if (outstanding == null || !outstanding.answeredBy(datagram, offer.ice())) {
      return;
    }
    outstanding = null;
    if (state == State.CHECKING) {
      timer.cancel(false);
      startHandshake();
    } else {
      counters.consentAnswers++;
    }
  }

  private void scheduleConsent() {
    // spread over the interval so that a fleet's checks do not come in waves
    long jitter = ThreadLocalRandom.current().nextLong(CONSENT_INTERVAL_MILLIS / 2);
    timer = channel.eventLoop().schedule(() -> {
      if (state == State.CONNECTED) {
        sendCheck(false);
        scheduleConsent();
      }
    }, CONSENT_INTERVAL_MILLIS - jitter, TimeUnit.MILLISECONDS);
  }

  // ---- DTLS ----

  private void startHandshake() {
    state = State.HANDSHAKING;
    Channel out = channel;
    dtls = new QueuedDatagramTransport(record -> out.writeAndFlush(Unpooled.wrappedBuffer(record)));
    QueuedDatagramTransport transport = dtls;
    handshakes.execute(() -> {
      try {
        DtlsHandshake.Completed done = DtlsHandshake.connect(identity, offer.fingerprint(), transport,
            SrtpProfile.AEAD_AES_128_GCM.id(), SrtpProfile.AES_CM_128_HMAC_SHA1_80.id());
        out.eventLoop().execute(() -> onKeys(done));
      } catch (IOException | RuntimeException e) {
        out.eventLoop().execute(() -> fail("DTLS: " + e.getMessage()));
      }
    });
  }

  private void onKeys(DtlsHandshake.Completed done) {
    if (state != State.HANDSHAKING) {
      return;
    }
    established = done.transport();
    SrtpContexts contexts = done.keys().contextsFor(DtlsRole.CLIENT);
    inbound = contexts.inbound();
    outbound = contexts.outbound();
    state = State.CONNECTED;
    while (!early.isEmpty()) {
      byte[] packet = early.removeFirst();
      onSrtp(packet, packet.length);
    }
    sendNacks();
    scheduleConsent();
    connected.complete(this);
  }

  private void onDtls(byte[] record) {
    if (state == State.HANDSHAKING) {
      dtls.offer(record);
    } else if (state == State.CONNECTED && record[0] == 21) {
      close("the gateway sent a DTLS alert");
    }
  }

  // ---- SRTP ----

  private void onSrtp(byte[] packet, int length) {
    long now = System.nanoTime();
    try {
      if (Demultiplex.isRtcp(packet, 0, length)) {
        inbound.unprotectRtcp(packet, 0, length);
        counters.rtcp++;
        return;
      }
      int rtpLength = inbound.unprotectRtp(packet, 0, length);
      long ssrc = u32(packet, 8);
      int sequence = u16(packet, 2);
      if (ssrc == offer.ssrc()) {
        shard.delays.record(stats.media(sequence, u32(packet, 4), length, now));
      } else if (ssrc == offer.rtxSsrc() && offer.rtxSsrc() != 0) {
        stats.retransmission(u16(packet, payloadOffset(packet, rtpLength)), length);
      } else {
        counters.strayPackets++;
      }
    } catch (SrtpException e) {
      if (e.reason() == SrtpException.Reason.AUTHENTICATION_FAILED) {
        counters.authFailures++;
      } else {
        counters.otherSrtpErrors++;
      }
    }
  }

  /** RFC 3550 §5.1: the fixed header, the CSRCs, and the header extension if X is set. */
  static int payloadOffset(byte[] rtp, int length) {
    int offset = 12 + 4 * (rtp[0] & 0x0f);
    if ((rtp[0] & 0x10) != 0 && offset + 4 <= length) {
      offset += 4 + 4 * u16(rtp, offset + 2);
    }
    return offset;
  }

  private void sendNacks() {
    List<Integer> holes = stats.takeNacks();
    if (holes.isEmpty() || outbound == null) {
      return;
    }
    byte[] plain = RtcpCompound.of(GenericNack.of(NACK_SENDER_SSRC, offer.ssrc(), holes)).encode();
    byte[] packet = Arrays.copyOf(plain, plain.length + outbound.profile().srtcpOverhead());
    try {
      int length = outbound.protectRtcp(packet, 0, plain.length);
      channel.writeAndFlush(Unpooled.wrappedBuffer(packet, 0, length));
      counters.nacksSent++;
    } catch (SrtpException e) {
      throw new IllegalStateException("our own NACK is not RTCP: " + e.getMessage(), e);
    }
  }

  // ---- the channel ----

  @Override
  protected void channelRead0(ChannelHandlerContext context, DatagramPacket packet) {
    ByteBuf content = packet.content();
    int length = content.readableBytes();
    if (length == 0 || length > MAX_DATAGRAM) {
      return;
    }
    int first = content.getUnsignedByte(content.readerIndex());
    if (first < 4) {
      onStun(ByteBufUtil.getBytes(content));
    } else if (first >= 20 && first <= 63) {
      onDtls(ByteBufUtil.getBytes(content));
    } else if (first >= 128 && first <= 191) {
      if (state == State.CONNECTED) {
        content.getBytes(content.readerIndex(), scratch, 0, length);
        onSrtp(scratch, length);
      } else if (state == State.HANDSHAKING && early.size() < EARLY_PACKETS) {
        early.addLast(ByteBufUtil.getBytes(content));
      } else {
        counters.earlyDropped++;
      }
    }
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext context) {
    if (state == State.CONNECTED) {
      sendNacks();
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
    fail(cause.toString());
  }

  private void fail(String why) {
    if (state == State.FAILED || state == State.CLOSED) {
      return;
    }
    state = State.FAILED;
    if (timer != null) {
      timer.cancel(false);
    }
    if (dtls != null) {
      dtls.close();
    }
    connected.completeExceptionally(new IOException("viewer " + id + ": " + why));
  }

  /** Ends the session as {@code pc.close()} does (DTLS close_notify), then the socket. On the loop. */
  void close(String why) {
    if (state == State.CONNECTED && established != null) {
      try {
        established.close();
      } catch (IOException e) {
        // the gateway learns from consent expiry instead
      }
    }
    if (timer != null) {
      timer.cancel(false);
    }
    if (state != State.FAILED) {
      state = State.CLOSED;
    }
    connected.completeExceptionally(new IOException("viewer " + id + " closed: " + why));
    channel.close();
  }

  private static int u16(byte[] b, int at) {
    return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
  }

  private static long u32(byte[] b, int at) {
    return ((long) u16(b, at) << 16) | u16(b, at + 2);
  }
}
