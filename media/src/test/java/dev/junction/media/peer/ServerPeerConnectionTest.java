package dev.junction.media.peer;

import dev.junction.stun.Bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.junction.media.dtls.DtlsIdentity;
import dev.junction.media.port.MediaPort;
import dev.junction.media.rtp.GenericNack;
import dev.junction.media.rtp.PictureLossIndication;
import dev.junction.media.rtp.RtcpCompound;
import dev.junction.media.rtp.RtpPacket;
import dev.junction.media.rtp.RtpSequencer;
import dev.junction.media.rtp.SenderReport;
import dev.junction.media.sdp.AnswerMismatchException;
import dev.junction.stun.DecodedMessage;
import dev.junction.stun.MessageType;
import dev.junction.stun.XorMappedAddress;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The server's side of a send-only peer connection against {@link TestViewer}, a browser-shaped
 * client over real UDP: ICE-lite check, DTLS with the gateway as server, SRTP media, RTX answers
 * to NACKs, PLI, sender reports, and every way a connection ends.
 */
class ServerPeerConnectionTest {

  private static final DtlsIdentity SERVER = DtlsIdentity.generate(Duration.ofDays(1));
  private static MediaPort port;
  private static PeerConnectionFactory factory;

  @BeforeAll
  static void bind() throws Exception {
    port = MediaPort.bind(new MediaPort.Options("127.0.0.1", 0, 2, Duration.ofSeconds(2), 2));
    factory = new PeerConnectionFactory(port, SERVER, List.of(InetAddress.getLoopbackAddress()));
  }

  @AfterAll
  static void unbind() {
    port.close();
  }

  /** Records what the connection tells its owner. */
  static final class Events implements ServerPeerConnection.Listener {
    final AtomicInteger connected = new AtomicInteger();
    final AtomicInteger keyframeRequests = new AtomicInteger();
    final List<ServerPeerConnection.CloseReason> closed = new CopyOnWriteArrayList<>();

    @Override
    public void connected(ServerPeerConnection peer) {
      connected.incrementAndGet();
    }

    @Override
    public void keyframeRequested(ServerPeerConnection peer) {
      keyframeRequests.incrementAndGet();
    }

    @Override
    public void closed(ServerPeerConnection peer, ServerPeerConnection.CloseReason reason) {
      closed.add(reason);
    }
  }

  private static List<StreamPacket> packets(int count, int firstSequence, long timestamp) {
    RtpSequencer sequencer = new RtpSequencer(0, 96, firstSequence);
    List<StreamPacket> packets = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      RtpPacket packet = sequencer.next(Bytes.utf8("payload " + i), i == count - 1, timestamp);
      byte[] encoded = packet.encode();
      packets.add(new StreamPacket(Bytes.copyOf(encoded, 0, encoded.length), timestamp));
    }
    return packets;
  }

  /** A connection, its viewer and what it told its owner; closing closes both ends. */
  private record Connected(ServerPeerConnection peer, TestViewer viewer, Events events) implements AutoCloseable {
    @Override
    public void close() {
      peer.close();
      viewer.close();
    }
  }

  /** A new connection with a viewer that answered, checked and completed DTLS. */
  private static Connected connected() throws Exception {
    Events events = new Events();
    ServerPeerConnection peer = factory.create("42e01f", events);
    TestViewer viewer = new TestViewer(peer.offer());
    connect(peer, events, viewer);
    return new Connected(peer, viewer, events);
  }

  /** Answers, checks with USE-CANDIDATE and completes DTLS; returns when the server says connected. */
  private static void connect(ServerPeerConnection peer, Events events, TestViewer viewer) throws Exception {
    peer.applyAnswer(viewer.answer());
    assertThat(viewer.check(true).message().type()).isEqualTo(MessageType.BINDING_SUCCESS);
    viewer.handshake(SERVER.fingerprint());
    await().atMost(Duration.ofSeconds(5)).until(() -> events.connected.get() == 1);
  }

  @Test
  void aCheckedAndHandshakedViewerGetsTheStreamUnderItsOwnSsrcAndNumbering() throws Exception {
    Events events = new Events();
    ServerPeerConnection peer = factory.create("42e01f", events);
    try (TestViewer viewer = new TestViewer(peer.offer())) {
      peer.applyAnswer(viewer.answer());
      DecodedMessage response = viewer.check(true);
      assertThat(response.message().type()).isEqualTo(MessageType.BINDING_SUCCESS);
      assertThat(response.message().first(XorMappedAddress.class).orElseThrow().address())
          .isEqualTo(viewer.address());
      viewer.handshake(SERVER.fingerprint());
      await().atMost(Duration.ofSeconds(5)).until(() -> events.connected.get() == 1);
      assertThat(peer.state()).isEqualTo(ServerPeerConnection.State.CONNECTED);

      peer.send(packets(3, 5000, 123_456), false);
      RtpPacket first = viewer.receiveRtp();
      RtpPacket second = viewer.receiveRtp();
      RtpPacket third = viewer.receiveRtp();
      assertThat(List.of(first, second, third)).allSatisfy(p -> {
        assertThat(p.ssrc()).isEqualTo(peer.offer().ssrc());
        assertThat(p.payloadType()).isEqualTo(96);
        assertThat(p.timestamp()).isEqualTo(first.timestamp());
      });
      assertThat(second.sequenceNumber()).isEqualTo((first.sequenceNumber() + 1) & 0xffff);
      assertThat(third.sequenceNumber()).isEqualTo((first.sequenceNumber() + 2) & 0xffff);
      assertThat(first.payload().utf8()).isEqualTo("payload 0");
      assertThat(third.marker()).isTrue();
    } finally {
      peer.close();
    }
  }

  @Test
  void aNackIsAnsweredOnTheRtxStreamWithTheOriginalSequenceNumberFirst() throws Exception {
    try (Connected c = connected()) {
      ServerPeerConnection peer = c.peer();
      TestViewer viewer = c.viewer();
      peer.send(packets(2, 0, 9000), false);
      viewer.receiveRtp();
      RtpPacket lost = viewer.receiveRtp();

      viewer.sendRtcp(GenericNack.of(1, peer.offer().ssrc(), List.of(lost.sequenceNumber())));
      RtpPacket rtx = viewer.receiveRtp();
      assertThat(rtx.ssrc()).isEqualTo(peer.offer().rtxSsrc().orElseThrow());
      assertThat(rtx.payloadType()).isEqualTo(97);
      assertThat(rtx.timestamp()).isEqualTo(lost.timestamp());
      assertThat(rtx.payload().getUnsigned(0) << 8 | rtx.payload().getUnsigned(1)).isEqualTo(lost.sequenceNumber());
      assertThat(rtx.payload().slice(2)).isEqualTo(lost.payload());
      await().until(() -> peer.stats().retransmitted() == 1);
    }
  }

  @Test
  void aPictureLossIndicationAsksTheOwnerForAKeyframeAtMostOnceASecond() throws Exception {
    try (Connected c = connected()) {
      ServerPeerConnection peer = c.peer();
      c.viewer().sendRtcp(new PictureLossIndication(1, peer.offer().ssrc()));
      c.viewer().sendRtcp(new PictureLossIndication(1, peer.offer().ssrc()));
      await().until(() -> peer.stats().keyframeRequests() == 2);
      assertThat(c.events().keyframeRequests.get()).isEqualTo(1);
    }
  }

  @Test
  void aSenderReportWithTheCnameFollowsWithinASecondOfMedia() throws Exception {
    try (Connected c = connected()) {
      ServerPeerConnection peer = c.peer();
      TestViewer viewer = c.viewer();
      peer.send(packets(4, 0, 1000), false);
      RtcpCompound report = viewer.receiveRtcp();
      SenderReport sr = report.packets(SenderReport.class).get(0);
      assertThat(sr.ssrc()).isEqualTo(peer.offer().ssrc());
      assertThat(sr.packetCount()).isEqualTo(4);
      assertThat(sr.octetCount()).isEqualTo(4 * "payload 0".length());
    }
  }

  @Test
  void aHandshakeRecordAfterTheHandshakeDoesNotHoldAWorker() throws Exception {
    try (Connected c = connected()) {
      // a retransmitted flight from the browser: DTLS 1.2, epoch 0, a record of an empty fragment
      byte[] record = {22, (byte) 0xfe, (byte) 0xfd, 0, 0, 0, 0, 0, 0, 0, 9, 0, 0};
      for (int i = 0; i < 8; i++) {
        c.viewer().send(record);
      }
      ThreadPoolExecutor workers = (ThreadPoolExecutor) port.handshakeWorkers();
      await().atMost(Duration.ofSeconds(2)).until(() -> workers.getActiveCount() == 0);
      c.peer().send(packets(1, 0, 0), false);
      assertThat(c.viewer().receiveRtp()).as("media still flows").isNotNull();
    }
  }

  @Test
  void packetsThatWaitedTooLongForABusyLoopAreDroppedAndTheViewerResyncsFromAKeyframe() throws Exception {
    try (Connected c = connected()) {
      CountDownLatch busy = new CountDownLatch(1);
      c.peer().loop().execute(() -> {
        busy.countDown();
        sleep(ServerPeerConnection.MAX_LAG_NANOS / 1_000_000 + 300); // a gateway short of CPU
      });
      busy.await();
      c.peer().send(packets(3, 0, 0), false); // waits behind the busy task: stale when it runs
      await().atMost(Duration.ofSeconds(3)).until(() -> c.peer().stats().lateDropped() == 3);
      assertThat(c.events().keyframeRequests.get()).isZero();

      c.peer().send(packets(2, 3, 3600), false); // in time again
      assertThat(c.viewer().receiveRtp().payload().utf8()).isEqualTo("payload 0");
      await().until(() -> c.events().keyframeRequests.get() == 1);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void sixteenViewersHandshakingAtOnceAllConnectThroughTwoWorkers() throws Exception {
    List<CompletableFuture<Connected>> joins = new ArrayList<>();
    ExecutorService clients = Executors.newFixedThreadPool(16);
    try {
      for (int i = 0; i < 16; i++) {
        joins.add(CompletableFuture.supplyAsync(() -> {
          try {
            return connected();
          } catch (Exception e) {
            throw new CompletionException(e);
          }
        }, clients));
      }
      for (CompletableFuture<Connected> join : joins) {
        try (Connected c = join.get(30, TimeUnit.SECONDS)) {
          assertThat(c.peer().state()).isEqualTo(ServerPeerConnection.State.CONNECTED);
        }
      }
    } finally {
      clients.shutdownNow();
    }
  }

  @Test
  void dtlsThatArrivesBeforeTheAnswerIsKeptUntilTheAnswerComes() throws Exception {
    Events events = new Events();
    ServerPeerConnection peer = factory.create("42e01f", events);
    try (TestViewer viewer = new TestViewer(peer.offer())) {
      viewer.check(true);
      Thread answerLater = new Thread(() -> {
        try {
          Thread.sleep(300); // the XProtect sample does not await its answer PATCH
          peer.applyAnswer(viewer.answer());
        } catch (Exception e) {
          throw new AssertionError(e);
        }
      });
      answerLater.start();
      viewer.handshake(SERVER.fingerprint());
      answerLater.join();
      await().atMost(Duration.ofSeconds(5)).until(() -> events.connected.get() == 1);
    } finally {
      peer.close();
    }
  }

  @Test
  void theBrowsersCloseNotifyClosesTheConnectionAndFreesItsIceSession() throws Exception {
    try (Connected c = connected()) {
      Events events = c.events();
      TestViewer viewer = c.viewer();
      viewer.closeDtls();
      await().atMost(Duration.ofSeconds(5)).until(() -> events.closed.size() == 1);
      assertThat(events.closed).containsExactly(ServerPeerConnection.CloseReason.PEER_CLOSED);
      assertThat(viewer.checkGoesUnanswered()).as("its ufrag is forgotten").isTrue();
    }
  }

  @Test
  void aServerCloseSendsCloseNotifyAndStopsMedia() throws Exception {
    try (Connected c = connected()) {
      ServerPeerConnection peer = c.peer();
      TestViewer viewer = c.viewer();
      peer.close();
      await().until(() -> c.events().closed.size() == 1);
      assertThat(c.events().closed).containsExactly(ServerPeerConnection.CloseReason.CLOSED_BY_SERVER);
      assertThat(viewer.receivesAlert()).isTrue();
      peer.send(packets(1, 0, 0), false);
      assertThat(viewer.silentFor(300)).isTrue();
    }
  }

  @Test
  void aCertificateThatDoesNotMatchTheAnswersFingerprintFailsDtls() throws Exception {
    Events events = new Events();
    ServerPeerConnection peer = factory.create("42e01f", events);
    try (TestViewer viewer = new TestViewer(peer.offer())) {
      peer.applyAnswer(viewer.answer().replace(TestViewer.IDENTITY.fingerprint(),
          DtlsIdentity.generate(Duration.ofDays(1)).fingerprint()));
      viewer.check(true);
      assertThatThrownBy(() -> viewer.handshake(SERVER.fingerprint())).isInstanceOf(java.io.IOException.class);
      await().atMost(Duration.ofSeconds(15)).until(() -> events.closed.size() == 1);
      assertThat(events.closed).containsExactly(ServerPeerConnection.CloseReason.DTLS_FAILED);
      assertThat(events.connected.get()).isZero();
    }
  }

  @Test
  void aViewerWhoseChecksStopLosesConsentAndIsClosed() throws Exception {
    try (Connected c = connected()) {
      // the port of this test has a 2 s consent timeout; the viewer sends no more checks
      await().atMost(Duration.ofSeconds(5)).until(() -> c.events().closed.size() == 1);
      assertThat(c.events().closed).containsExactly(ServerPeerConnection.CloseReason.CONSENT_EXPIRED);
    }
  }

  @Test
  void anAnswerThatWouldMakeTheGatewayTheDtlsClientIsRefused() throws Exception {
    ServerPeerConnection peer = factory.create("42e01f", new Events());
    try (TestViewer viewer = new TestViewer(peer.offer())) {
      assertThatThrownBy(() -> peer.applyAnswer(viewer.answer("passive")))
          .isInstanceOf(AnswerMismatchException.class)
          .hasMessageContaining("setup");
    }
  }
}
