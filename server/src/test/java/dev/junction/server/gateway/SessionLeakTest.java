package dev.junction.server.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.junction.gateway.session.ViewerSessions;
import dev.junction.media.peer.TestViewer;
import dev.junction.media.port.MediaPort;
import dev.junction.server.JunctionServer;
import dev.junction.server.TestServers;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sessions abandoned at every stage, as real clients abandon them (the XProtect sample never
 * deletes one), leave nothing behind: no session, no ICE ufrag or route, and no heap growth from
 * one round of 200 to the next. Timeouts are shortened so the test waits seconds, not minutes.
 */
class SessionLeakTest {

  private static final int ROUND = 200;
  private static JunctionServer server;

  @BeforeAll
  static void start() {
    server = TestServers.startWithGateway("gateway.answerTimeoutSeconds=1", "gateway.media.consentTimeoutSeconds=2",
        "gateway.maxSessionsPerUser=1000", "gateway.sessionsPerMinutePerUser=10000");
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @Test
  void twoHundredAbandonedSessionsLeaveNoSessionNoUfragNoRouteAndFlatHeap() throws Exception {
    GatewayClient client = new GatewayClient(server.httpPort());
    assertThat(client.login("demo", TestServers.DEV_PASSWORD).status()).isEqualTo(200);
    ViewerSessions sessions = server.gateway().orElseThrow().sessions();
    MediaPort port = server.gateway().orElseThrow().port();

    abandonRound(client);
    awaitEmpty(sessions, port);
    long afterFirst = usedHeapAfterGc();
    abandonRound(client);
    awaitEmpty(sessions, port);
    long afterSecond = usedHeapAfterGc();

    assertThat(afterSecond - afterFirst).as("heap growth over a second round of %d sessions", ROUND)
        .isLessThan(8L << 20);
    assertThat(sessions.unanswered()).isEqualTo(2 * 70);
  }

  /** 70 never answered, 70 answered but never checked, 60 connected then dropped without a word. */
  private static void abandonRound(GatewayClient client) throws Exception {
    List<TestViewer> dropped = new ArrayList<>();
    for (int i = 0; i < ROUND; i++) {
      GatewayClient.Reply created = client.createSession(TestServers.DEMO_CAMERA);
      assertThat(created.status()).isEqualTo(200);
      if (i < 70) {
        continue;
      }
      String id = created.body().get("sessionId").asText();
      String offer = GatewayClient.offerSdp(created);
      TestViewer viewer = TestViewer.forOffer(offer);
      assertThat(client.answer(id, viewer.answer()).status()).isEqualTo(200);
      if (i < 140) {
        viewer.close();
        continue;
      }
      viewer.check(true);
      viewer.handshake(XProtectApiTest.fingerprintOf(offer));
      viewer.receiveRtp();
      dropped.add(viewer);
    }
    dropped.forEach(TestViewer::close); // gone without DTLS close_notify: only consent tells
  }

  private static void awaitEmpty(ViewerSessions sessions, MediaPort port) {
    await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
      assertThat(sessions.count()).isZero();
      assertThat(port.sessionCount()).isZero();
      assertThat(port.ufragCount()).isZero();
      assertThat(port.routeCount()).isZero();
    });
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
