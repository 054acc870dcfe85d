package dev.junction.turn.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.junction.turn.TestTurnServers;
import dev.junction.turn.TurnServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * coturn's own client is the judge: {@code turnutils_uclient} allocates on our server, binds
 * channels to {@code turnutils_peer} and expects every message echoed back. A pass is zero loss
 * and received bytes equal to sent bytes, as in coturn's own CI.
 */
class CoturnClientTest {

  private static final int PEER_PORT = 3480;
  private static TurnServer server;
  private static Process peer;

  @BeforeAll
  static void start() throws Exception {
    server = TestTurnServers.start(true);
    peer = CoturnTools.startPeer(PEER_PORT);
  }

  @AfterAll
  static void stop() {
    if (peer != null) {
      peer.destroy();
    }
    if (server != null) {
      server.close();
    }
  }

  private CoturnTools.Result run(boolean tcp, List<String> credentials) throws Exception {
    List<String> arguments = new ArrayList<>();
    if (tcp) {
      arguments.add("-t");
    }
    arguments.addAll(List.of("-e", "127.0.0.1", "-r", Integer.toString(PEER_PORT), "-X", "-g",
        "-m", "10", "-n", "200", "-l", "170", "-z", "5", "-p", Integer.toString(server.udpPort())));
    arguments.addAll(credentials);
    arguments.add("127.0.0.1");
    return CoturnTools.uclient(arguments, 30);
  }

  private static void assertLossless(CoturnTools.Result result) {
    assertThat(result.sentMessages()).as(result.output()).isEqualTo(2_000);
    assertThat(result.receivedMessages()).as(result.output()).isEqualTo(result.sentMessages());
    assertThat(result.receivedBytes()).as(result.output()).isEqualTo(result.sentBytes());
    assertThat(result.lostPackets()).as(result.output()).isZero();
  }

  @Test
  void udpWithStaticCredentials() throws Exception {
    assertLossless(run(false, List.of("-u", TestTurnServers.USER, "-w", TestTurnServers.PASSWORD)));
  }

  @Test
  void udpWithRestCredentials() throws Exception {
    assertLossless(run(false, List.of("-u", "alice", "-W", TestTurnServers.SECRET)));
  }

  @Test
  void tcpWithStaticCredentials() throws Exception {
    assertLossless(run(true, List.of("-u", TestTurnServers.USER, "-w", TestTurnServers.PASSWORD)));
  }

  @Test
  void tcpWithRestCredentials() throws Exception {
    assertLossless(run(true, List.of("-u", "alice", "-W", TestTurnServers.SECRET)));
  }
}
