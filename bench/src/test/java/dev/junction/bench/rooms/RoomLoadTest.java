package dev.junction.bench.rooms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.junction.bench.EventLoops;
import dev.junction.bench.RunOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Drives the room load against a small in-process room relay on one event loop, which speaks
 * either dialect: numbered frames and acks for native, the text forwarded unchanged for node-rooms.
 * Like Junction, it refuses a native join of a room the client is in ({@code already-joined}) and
 * answers a leave with {@code left}; like rooms.js, it ignores such a node-rooms join and answers
 * no leave. The others in the room hear {@code peer-joined} and {@code peer-left}.
 */
class RoomLoadTest {

  private Vertx relayVertx;
  private int port;
  private final Map<String, List<ServerWebSocket>> rooms = new HashMap<>();
  private final Map<ServerWebSocket, Long> seqOf = new HashMap<>();
  private final AtomicLong acksReceived = new AtomicLong();
  private final AtomicLong highestAck = new AtomicLong();
  private final AtomicLong joins = new AtomicLong();
  private final AtomicLong byes = new AtomicLong();
  private final AtomicLong leaves = new AtomicLong();
  /** A leave is answered but the client stays in the room: its next join is refused. */
  private volatile boolean leavesKeepTheSeat;
  /** A leave is not understood (rooms.js before it had one): dropped without an answer. */
  private volatile boolean leavesIgnored;

  @BeforeEach
  void startRelay() throws Exception {
    relayVertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    HttpServer server = relayVertx.createHttpServer(
        new HttpServerOptions().setWebSocketSubProtocols(List.of("junction.v1+json")));
    server.webSocketHandler(this::accept);
    port = server.listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS).actualPort();
  }

  @AfterEach
  void stopRelay() throws Exception {
    relayVertx.close().await(10, TimeUnit.SECONDS);
  }

  private void accept(ServerWebSocket ws) {
    boolean numbered = "junction.v1+json".equals(ws.subProtocol());
    ws.closeHandler(v -> rooms.values().forEach(members -> members.remove(ws)));
    ws.textMessageHandler(text -> {
      JsonObject m = new JsonObject(text);
      String room = m.getString("room");
      switch (m.getString("type")) {
        case "hello" -> send(ws, numbered, new JsonObject().put("type", "welcome").put("ackWindow", 256));
        case "join" -> {
          joins.incrementAndGet();
          List<ServerWebSocket> members = rooms.computeIfAbsent(room, r -> new ArrayList<>());
          if (members.contains(ws)) {
            if (numbered) send(ws, true, new JsonObject().put("type", "error").put("code", "already-joined"));
            return;
          }
          for (ServerWebSocket other : members) send(other, numbered, new JsonObject().put("type", "peer-joined").put("room", room));
          members.add(ws);
          send(ws, numbered, new JsonObject().put("type", "joined").put("room", room));
        }
        case "leave" -> {
          if (leavesIgnored) return;
          leaves.incrementAndGet();
          List<ServerWebSocket> members = rooms.getOrDefault(room, new ArrayList<>());
          if (!members.contains(ws)) {
            if (numbered) send(ws, true, new JsonObject().put("type", "error").put("code", "not-in-room"));
            return;
          }
          if (!leavesKeepTheSeat) members.remove(ws);
          for (ServerWebSocket other : members) {
            if (other != ws) send(other, numbered, new JsonObject().put("type", "peer-left").put("room", room));
          }
          if (numbered) send(ws, true, new JsonObject().put("type", "left").put("room", room));
        }
        case "message" -> {
          for (ServerWebSocket other : rooms.get(room)) {
            if (other == ws) continue;
            if (numbered) send(other, true, new JsonObject().put("type", "message").put("room", room).put("data", m.getJsonObject("data")));
            else other.writeTextMessage(text);
          }
        }
        case "bye" -> {
          byes.incrementAndGet();
          ws.close();
        }
        case "ack" -> {
          acksReceived.incrementAndGet();
          highestAck.accumulateAndGet(m.getLong("ack"), Math::max);
        }
        default -> throw new IllegalStateException("unexpected " + text);
      }
    });
  }

  /** Numbered frames put {@code seq} first, as Junction does. */
  private void send(ServerWebSocket ws, boolean numbered, JsonObject body) {
    if (!numbered) {
      ws.writeTextMessage(body.encode());
      return;
    }
    long seq = seqOf.merge(ws, 1L, Long::sum);
    ws.writeTextMessage(new JsonObject().put("seq", seq).mergeIn(body).encode());
  }

  private RoomOptions options(RoomDialect dialect, String scenario, int joinWarmup) {
    return options(dialect, scenario, joinWarmup, 0);
  }

  private RoomOptions options(RoomDialect dialect, String scenario, int joinWarmup, int warmupSeconds) {
    RunOptions run = new RunOptions("ws://127.0.0.1:" + port + "/", 1, warmupSeconds, 4, 8, 30, 2, -1, 100, "test");
    return new RoomOptions(run, dialect, scenario, 4, 3, 50, joinWarmup);
  }

  private static Map<String, String> fields(String resultLine) {
    return ResultLine.parse(resultLine).fields();
  }

  @Test
  void everyClientOfEveryRoomJoins() throws Exception {
    try (EventLoops el = new EventLoops(2)) {
      Map<String, String> r = fields(RoomLoad.run(el, options(RoomDialect.NODE_ROOMS, "joins", 0)));
      assertThat(r).containsEntry("ok", "true").containsEntry("clients", "12").containsEntry("joined", "12")
          .containsEntry("failed", "0");
      assertThat(Double.parseDouble(r.get("joins_per_s"))).isPositive();
    }
  }

  @Test
  void aWarmUpRampJoinsAndLeavesOtherRoomsBeforeTheMeasuredOne() throws Exception {
    try (EventLoops el = new EventLoops(2)) {
      Map<String, String> r = fields(RoomLoad.run(el, options(RoomDialect.NATIVE, "joins", 2)));
      assertThat(r).containsEntry("ok", "true").containsEntry("warmup_ramps", "2").containsEntry("joined", "12")
          .containsEntry("failed", "0").containsEntry("errors", "0");
      assertThat(joins.get()).isEqualTo(3 * 12);
      assertThat(byes.get()).isEqualTo(2 * 12); // the warm-up clients ended their sessions; the measured ones only close
      assertThat(rooms.keySet()).contains("w1-r0", "w2-r3", "r0", "r3");
    }
  }

  @Test
  void nodeRoomsFanOutReachesEveryReceiver() throws Exception {
    try (EventLoops el = new EventLoops(2)) {
      Map<String, String> r = fields(RoomLoad.run(el, options(RoomDialect.NODE_ROOMS, "fanout", 0)));
      assertThat(r).containsEntry("ok", "true").containsEntry("rooms", "4").containsEntry("malformed", "0")
          .containsEntry("misrouted", "0").containsEntry("errors", "0").containsEntry("disconnects", "0");
      long sent = Long.parseLong(r.get("sent"));
      long delivered = Long.parseLong(r.get("delivered"));
      // two receivers per room; messages in flight at the window's edges are counted on one side only
      assertThat(delivered).isBetween(2 * sent - 2 * 4 * 4, 2 * sent + 2 * 4 * 4);
    }
  }

  @Test
  void nativeFanOutAcknowledgesTheNumberedFrames() throws Exception {
    try (EventLoops el = new EventLoops(2)) {
      Map<String, String> r = fields(RoomLoad.run(el, options(RoomDialect.NATIVE, "fanout", 0)));
      assertThat(r).containsEntry("ok", "true").containsEntry("malformed", "0").containsEntry("errors", "0");
      assertThat(Long.parseLong(r.get("delivered"))).isGreaterThan(64); // past the ack interval of 32
      assertThat(acksReceived.get()).isPositive();
      assertThat(highestAck.get()).isGreaterThanOrEqualTo(32);
    }
  }

  @Test
  void nativeClientsLeaveAndJoinAgainOnTheirOpenSessionsAndKeepAcknowledging() throws Exception {
    try (EventLoops el = new EventLoops(2)) {
      Map<String, String> r = fields(RoomLoad.run(el, options(RoomDialect.NATIVE, "rejoins", 0)));
      assertThat(r).containsEntry("ok", "true").containsEntry("scenario", "rejoins").containsEntry("clients", "12")
          .containsEntry("join_failures", "0").containsEntry("errors", "0").containsEntry("disconnects", "0")
          .containsEntry("stalled", "0");
      long rejoined = Long.parseLong(r.get("joined"));
      assertThat(rejoined).isGreaterThan(12); // each client went round more than once
      assertThat(Double.parseDouble(r.get("joins_per_s"))).isEqualTo(rejoined / 1.0);
      assertThat(Double.parseDouble(r.get("p50_ms"))).isPositive();
      // every leave was followed by its join (the relay refuses a join of a room the client is in)
      assertThat(joins.get()).isEqualTo(12 + leaves.get());
      assertThat(leaves.get()).isGreaterThanOrEqualTo(rejoined);
      assertThat(highestAck.get()).isGreaterThanOrEqualTo(32); // left, joined and presence are numbered frames too
    }
  }

  @Test
  void nodeRoomsClientsRejoinWithALeaveThatHasNoAnswer() throws Exception {
    try (EventLoops el = new EventLoops(2)) {
      Map<String, String> r = fields(RoomLoad.run(el, options(RoomDialect.NODE_ROOMS, "rejoins", 0)));
      assertThat(r).containsEntry("ok", "true").containsEntry("clients", "12").containsEntry("errors", "0")
          .containsEntry("disconnects", "0").containsEntry("stalled", "0");
      assertThat(Long.parseLong(r.get("joined"))).isGreaterThan(12);
      assertThat(joins.get()).isEqualTo(12 + leaves.get());
    }
  }

  @Test
  void aRefusedRejoinIsAnErrorAndTakesTheClientOutOfTheLoad() throws Exception {
    leavesKeepTheSeat = true; // so each client's join meets "already-joined"
    try (EventLoops el = new EventLoops(2)) {
      Map<String, String> r = fields(RoomLoad.run(el, options(RoomDialect.NATIVE, "rejoins", 0)));
      assertThat(r).containsEntry("ok", "false").containsEntry("reason", "nobody_rejoined").containsEntry("joined", "0")
          .containsEntry("errors", "12").containsEntry("stalled", "0");
      assertThat(leaves.get()).isEqualTo(12); // one try each, no retry
    }
  }

  @Test
  void aServerThatDropsTheLeaveLeavesEveryRejoinUnansweredAndStalled() throws Exception {
    leavesIgnored = true; // rooms.js before it had a leave: the join of a room the client is in gets no answer
    try (EventLoops el = new EventLoops(2)) {
      // a warm-up second, so every rejoin has waited longer than the measured window when the load stops
      Map<String, String> r = fields(RoomLoad.run(el, options(RoomDialect.NODE_ROOMS, "rejoins", 0, 1)));
      assertThat(r).containsEntry("ok", "false").containsEntry("joined", "0").containsEntry("stalled", "12");
    }
  }
}
