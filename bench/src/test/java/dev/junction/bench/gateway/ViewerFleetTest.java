package dev.junction.bench.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.junction.media.dtls.DtlsIdentity;
import dev.junction.media.peer.PeerConnectionFactory;
import dev.junction.media.peer.ServerPeerConnection;
import dev.junction.media.peer.StreamPacket;
import dev.junction.media.port.MediaPort;
import dev.junction.media.rtp.RtpPacket;
import dev.junction.media.rtp.RtpSequencer;
import dev.junction.media.sdp.SdpException;
import dev.junction.stun.Bytes;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The load generator's viewers against the real media engine on loopback (the gateway's peer
 * connections without its REST API): they pass ICE and DTLS, decrypt every packet under SRTP,
 * count it without loss, and close the way a browser does.
 */
class ViewerFleetTest {

  private static MediaPort port;
  private static PeerConnectionFactory factory;

  @BeforeAll
  static void bind() throws Exception {
    port = MediaPort.bind(new MediaPort.Options("127.0.0.1", 0, 2, Duration.ofSeconds(5), 2));
    factory = new PeerConnectionFactory(port, DtlsIdentity.generate(Duration.ofDays(1)),
        List.of(InetAddress.getLoopbackAddress()));
  }

  @AfterAll
  static void unbind() {
    port.close();
  }

  /** Sessions straight from the media engine; remembers each peer and how it closed. */
  static final class EngineSignaling implements ViewerSignaling, ServerPeerConnection.Listener {
    final Map<String, ServerPeerConnection> peers = new ConcurrentHashMap<>();
    final AtomicInteger connected = new AtomicInteger();
    final List<ServerPeerConnection.CloseReason> closed = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();

    @Override
    public CompletableFuture<Session> open() {
      ServerPeerConnection peer = factory.create("42e01f", this);
      String id = "s" + ids.incrementAndGet();
      peers.put(id, peer);
      return CompletableFuture.completedFuture(new Session(id, peer.offerSdp()));
    }

    @Override
    public CompletableFuture<?> answer(String sessionId, String answerSdp) {
      try {
        return CompletableFuture.completedFuture(peers.get(sessionId).applyAnswer(answerSdp));
      } catch (SdpException e) {
        return CompletableFuture.failedFuture(e);
      }
    }

    @Override
    public void connected(ServerPeerConnection peer) {
      connected.incrementAndGet();
    }

    @Override
    public void closed(ServerPeerConnection peer, ServerPeerConnection.CloseReason reason) {
      closed.add(reason);
    }
  }

  private static List<StreamPacket> frame(int packets, long timestamp) {
    RtpSequencer sequencer = new RtpSequencer(0, 96, 0);
    List<StreamPacket> frame = new ArrayList<>();
    for (int i = 0; i < packets; i++) {
      RtpPacket packet = sequencer.next(Bytes.utf8("x".repeat(1100)), i == packets - 1, timestamp);
      byte[] encoded = packet.encode();
      frame.add(new StreamPacket(Bytes.copyOf(encoded, 0, encoded.length), timestamp));
    }
    return frame;
  }

  @Test
  void viewersConnectDecryptEveryPacketLoseNoneAndCloseWithCloseNotify() throws Exception {
    EngineSignaling signaling = new EngineSignaling();
    ViewerFleet fleet = new ViewerFleet(signaling, 2, 2, 1 << 20);
    try {
      assertThat(fleet.grow(3, 2, Duration.ofSeconds(20))).isZero();
      assertThat(fleet.size()).isEqualTo(3);
      await().atMost(Duration.ofSeconds(5)).until(() -> signaling.connected.get() == 3);
      FleetSample before = fleet.sample(true);

      for (int f = 0; f < 10; f++) {
        List<StreamPacket> packets = frame(8, f * 3600L);
        signaling.peers.values().forEach(peer -> peer.send(packets, false));
      }
      await().atMost(Duration.ofSeconds(5))
          .until(() -> fleet.sample(false).viewers().values().stream().allMatch(v -> v.packets() == 80));

      FleetSample.Interval interval = fleet.sample(true).since(before);
      assertThat(interval.viewers()).hasSize(3).allSatisfy(v -> {
        assertThat(v.state()).isEqualTo(Viewer.State.CONNECTED);
        assertThat(v.packets()).isEqualTo(80);
        assertThat(v.bytes()).isGreaterThan(80 * 1100);
        assertThat(v.lost()).isZero();
        assertThat(v.authFailures()).isZero();
        assertThat(v.strayPackets()).isZero();
      });
      assertThat(interval.delays().count()).isEqualTo(240);
    } finally {
      fleet.close();
    }
    await().atMost(Duration.ofSeconds(5)).until(() -> signaling.closed.size() == 3);
    assertThat(signaling.closed).containsOnly(ServerPeerConnection.CloseReason.PEER_CLOSED);
  }

  @Test
  void aViewerThatGetsNoAnswerToItsChecksFailsToJoin() throws Exception {
    ViewerSignaling silent = new ViewerSignaling() {
      @Override
      public CompletableFuture<Session> open() {
        ServerPeerConnection peer = factory.create("42e01f", new ServerPeerConnection.Listener() {});
        String offer = peer.offerSdp().replace("a=ice-pwd:", "a=ice-pwd:wrong"); // checks fail integrity
        return CompletableFuture.completedFuture(new Session("x", offer));
      }

      @Override
      public CompletableFuture<?> answer(String sessionId, String answerSdp) {
        return CompletableFuture.completedFuture(null);
      }
    };
    try (ViewerFleet fleet = new ViewerFleet(silent, 1, 1, 1 << 20)) {
      assertThat(fleet.grow(1, 1, Duration.ofSeconds(20))).isEqualTo(1);
      assertThat(fleet.failures()).singleElement().asString().contains("no answer to");
    }
  }
}
