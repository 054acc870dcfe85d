package dev.junction.bench.rooms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.junction.bench.EventLoops;
import dev.junction.bench.RunOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Drives the AppRTC load against a small in-process room server and Collider on one event loop,
 * with the wire shapes of docs/API.md: {@code POST /apprtc/join/<room>} draws a client id and
 * points at {@code /apprtc/collider/ws}; {@code register} binds a socket, {@code send} goes to the
 * other registered client as {@code {"msg":...,"error":""}} (queued until it registers);
 * {@code POST /apprtc/leave/...} frees the seat and closes the leaver's socket ({@code
 * UNKNOWN_CLIENT} for a client not in the room); {@code /collider/status} counts registered
 * sockets.
 */
class AppRtcRoomLoadTest {

  private Vertx serverVertx;
  private int port;
  /** room -> client id -> its socket once registered (null before). */
  private final Map<String, Map<String, ServerWebSocket>> rooms = new HashMap<>();
  private final Map<String, List<String>> queued = new HashMap<>();
  private final AtomicInteger joins = new AtomicInteger();
  private final AtomicInteger leaves = new AtomicInteger();
  private int nextClient = 10_000_000;
  /** What the join answer names as Collider; a test may point it elsewhere. */
  private String wssUrl;
  private boolean refuseRegister;
  /** A leave is answered SUCCESS but the seat stays taken, so the next join finds the room FULL. */
  private boolean leavesKeepTheSeat;

  @BeforeEach
  void startServer() throws Exception {
    serverVertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    HttpServer server = serverVertx.createHttpServer();
    server.webSocketHandler(this::collider).requestHandler(this::roomServer);
    port = server.listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS).actualPort();
    wssUrl = "ws://127.0.0.1:" + port + "/apprtc/collider/ws";
  }

  @AfterEach
  void stopServer() throws Exception {
    serverVertx.close().await(10, TimeUnit.SECONDS);
  }

  private void roomServer(HttpServerRequest req) {
    String[] p = req.path().split("/"); // "", "apprtc", verb, room[, client]
    JsonObject answer = new JsonObject().put("result", "SUCCESS");
    if (req.path().equals("/apprtc/collider/status")) {
      long open = rooms.values().stream().flatMap(m -> m.values().stream()).filter(ws -> ws != null).count();
      answer = new JsonObject().put("upsec", 1.0).put("openws", open);
    } else if (p[2].equals("join")) {
      joins.incrementAndGet();
      Map<String, ServerWebSocket> room = rooms.computeIfAbsent(p[3], r -> new HashMap<>());
      if (room.size() >= 2) {
        answer.put("result", "FULL");
      } else {
        String id = Integer.toString(nextClient++);
        answer.put("params", new JsonObject().put("room_id", p[3]).put("client_id", id)
            .put("is_initiator", room.isEmpty() ? "true" : "false").put("wss_url", wssUrl));
        room.put(id, null);
      }
    } else if (p[2].equals("leave")) {
      leaves.incrementAndGet();
      Map<String, ServerWebSocket> room = rooms.getOrDefault(p[3], new HashMap<>());
      if (!room.containsKey(p[4])) {
        answer.put("result", "UNKNOWN_CLIENT");
      } else if (!leavesKeepTheSeat) {
        ServerWebSocket ws = room.remove(p[4]);
        if (ws != null) ws.close((short) 1000, "left");
      }
    }
    req.response().putHeader("Content-Type", "application/json").end(answer.encode());
  }

  private void collider(ServerWebSocket ws) {
    String[] bound = new String[2]; // room, client
    ws.textMessageHandler(text -> {
      JsonObject m = new JsonObject(text);
      if (m.getString("cmd").equals("register")) {
        Map<String, ServerWebSocket> room = rooms.get(m.getString("roomid"));
        if (refuseRegister || room == null || !room.containsKey(m.getString("clientid"))) {
          ws.writeTextMessage(new JsonObject().put("msg", "").put("error", "Unknown client").encode());
          return;
        }
        bound[0] = m.getString("roomid");
        bound[1] = m.getString("clientid");
        room.put(bound[1], ws);
        for (String msg : queued.getOrDefault(bound[0] + "/" + bound[1], List.of())) deliver(ws, msg);
      } else {
        room(bound[0]).forEach((id, other) -> {
          if (id.equals(bound[1])) return;
          if (other == null) queued.computeIfAbsent(bound[0] + "/" + id, k -> new ArrayList<>()).add(m.getString("msg"));
          else deliver(other, m.getString("msg"));
        });
      }
    });
  }

  private Map<String, ServerWebSocket> room(String name) {
    return rooms.getOrDefault(name, Map.of());
  }

  private static void deliver(ServerWebSocket to, String msg) {
    to.writeTextMessage(new JsonObject().put("msg", msg).put("error", "").encode());
  }

  private RoomOptions options(String scenario, int joinWarmup) {
    RunOptions run = new RunOptions("http://127.0.0.1:" + port + "/apprtc", 1, 0, 4, 8, 30, 2, -1, 100, "test");
    return new RoomOptions(run, RoomDialect.APPRTC, scenario, 4, 2, 50, joinWarmup);
  }

  private String run(String scenario, int joinWarmup) throws Exception {
    try (EventLoops el = new EventLoops(2)) {
      return RoomLoad.run(el, options(scenario, joinWarmup));
    }
  }

  @Test
  void everyClientJoinsOverHttpThenRegistersAfterAWarmUpThatLeftAgain() throws Exception {
    ResultLine r = ResultLine.parse(run("joins", 1));
    assertThat(r.fields()).containsEntry("ok", "true").containsEntry("warmup_ramps", "1").containsEntry("clients", "8")
        .containsEntry("joined", "8").containsEntry("registered", "8").containsEntry("failed", "0")
        .containsEntry("errors", "0");
    assertThat(joins.get()).isEqualTo(16);
    assertThat(leaves.get()).isEqualTo(8); // the warm-up clients left as AppRTC clients do
  }

  @Test
  void fanOutRelaysEveryMessageToTheOtherClientThroughCollider() throws Exception {
    ResultLine r = ResultLine.parse(run("fanout", 0));
    assertThat(r.fields()).containsEntry("ok", "true").containsEntry("rooms", "4").containsEntry("room_size", "2")
        .containsEntry("malformed", "0").containsEntry("misrouted", "0").containsEntry("errors", "0")
        .containsEntry("disconnects", "0");
    long sent = (long) r.number("sent");
    long delivered = (long) r.number("delivered");
    // one receiver per room; messages in flight at the window's edges are counted on one side only
    assertThat(delivered).isGreaterThan(64).isBetween(sent - 4 * 4, sent + 4 * 4);
  }

  @Test
  void aJoinAnswerPointingAtAnotherColliderIsAFailedJoin() throws Exception {
    wssUrl = "ws://127.0.0.1:1/elsewhere";
    ResultLine r = ResultLine.parse(run("joins", 0));
    assertThat(r.fields()).containsEntry("ok", "false").containsEntry("joined", "0").containsEntry("failed", "8")
        .containsEntry("reason", "nobody_joined");
  }

  @Test
  void aRefusedRegisterFailsTheRunThroughCollidersCount() throws Exception {
    refuseRegister = true;
    ResultLine r = ResultLine.parse(run("joins", 0));
    assertThat(r.fields()).containsEntry("ok", "false").containsEntry("registered", "0");
    // each refusal is counted: as an error once the client counted itself in, else as a failed join
    assertThat(r.number("errors") + r.number("failed")).isEqualTo(8);
  }

  @Test
  void rejoinsLeaveAndJoinOverHttpWithTheNewClientIdAndTheClosedColliderSocketIsNoDisconnect() throws Exception {
    ResultLine r = ResultLine.parse(run("rejoins", 0));
    assertThat(r.fields()).containsEntry("ok", "true").containsEntry("scenario", "rejoins").containsEntry("clients", "8")
        .containsEntry("room_size", "2").containsEntry("join_failures", "0").containsEntry("errors", "0")
        .containsEntry("disconnects", "0").containsEntry("stalled", "0");
    assertThat(r.number("joined")).isGreaterThan(8);
    // each leave named the client id of the client's latest join (else UNKNOWN_CLIENT, an error)
    assertThat(joins.get()).isEqualTo(8 + leaves.get());
  }

  @Test
  void aRejoinThatFindsTheRoomFullIsAnError() throws Exception {
    leavesKeepTheSeat = true;
    ResultLine r = ResultLine.parse(run("rejoins", 0));
    assertThat(r.fields()).containsEntry("ok", "false").containsEntry("joined", "0").containsEntry("errors", "8")
        .containsEntry("stalled", "0");
    assertThat(leaves.get()).isEqualTo(8); // one try each
  }
}
