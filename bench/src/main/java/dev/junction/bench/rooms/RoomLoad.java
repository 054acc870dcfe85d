package dev.junction.bench.rooms;

import dev.junction.bench.CpuWindow;
import dev.junction.bench.EventLoops;
import dev.junction.bench.RunOptions;
import dev.junction.bench.WebSocketTarget;
import io.vertx.core.Promise;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Room load on a signaling server, in one of three scenarios:
 *
 * <ul>
 *   <li>{@code joins}: {@code rooms x room-size} clients connect, say hello (native) and join
 *       their room, {@code ramp-concurrency} at a time; reports completed joins per second over
 *       the whole ramp and the time from the first request to being in the room per client.
 *       {@code join-warmup} ramps of the same size (other room and client names) join and leave
 *       first, so the measured ramp meets a warm server, not the first traffic it ever saw.
 *   <li>{@code rejoins}: the same clients join; then each, in a closed loop with one rejoin in
 *       flight, leaves its room and joins it again on its open session (native and the Node peer:
 *       a {@code leave} and a {@code join} frame back to back; AppRTC: {@code POST /leave}, then
 *       {@code POST /join}, see below); reports joins completed per second and the time from
 *       sending the leave to being back in the room, counted in {@code seconds} after
 *       {@code warmup}. It measures the room operation without the TCP connection and WebSocket
 *       upgrade that {@code joins} pays for every join.
 *   <li>{@code fanout}: the same clients join, then the first member of each room sends room
 *       messages as fast as a window of {@code window} messages (in flight until every other
 *       member has it) allows; reports messages delivered per second and the latency from send
 *       to delivery, counted in {@code seconds} after {@code warmup}.
 * </ul>
 *
 * <p>Dialect {@code apprtc} is a Google AppRTC client of a room server and Collider, Junction's
 * or the peer {@code bench/peers/ws-relay/apprtc.js} ({@code --url http://127.0.0.1:PORT/apprtc},
 * rooms of 2): a join is {@code POST /join/<room>}, then Collider's WebSocket (the answer's
 * {@code wss_url}) and {@code register}; messages go through Collider {@code send}. Register has no answer, so after the joins ramp the run reads
 * Collider's {@code /status} and fails unless every joined client is registered. Its rejoins are
 * the room server's HTTP alone, on keep-alive connections: the leave (which closes the client's
 * Collider socket) and then the join, whose new client id replaces the old. Collider is not
 * involved: a real AppRTC client would open a new WebSocket and register after each join, which
 * is what {@code joins} measures.
 *
 * <p>Every received message is checked: its send time and its sender (the room's first member)
 * must be in it; other messages count as malformed or misrouted.
 *
 * <pre>
 * java -cp junction-bench.jar dev.junction.bench.rooms.RoomLoad --url ws://127.0.0.1:PORT/ws/v1
 *     --dialect native|node-rooms|apprtc --scenario joins|rejoins|fanout [--rooms 100] [--room-size 6]
 *     [--window 16] [--padding-bytes 200] [--seconds 20] [--warmup 10] [--join-warmup 1]
 *     [--ramp-concurrency 64] [--ramp-timeout 300] [--event-loops 2] [--server-pid PID]
 *     [--clk-tck 100] [--label name]
 * </pre>
 *
 * The last line is {@code RESULT key=value ...} for scripts. Loopback only; every wait is bounded.
 */
public final class RoomLoad {

  /** How long the clients of a warm-up ramp may take to leave and close. */
  private static final int LEAVE_TIMEOUT_SECONDS = 60;

  public static void main(String[] argv) throws Exception {
    RoomOptions o = RoomOptions.parse(argv);
    String result;
    try (EventLoops el = new EventLoops(o.run().eventLoops())) {
      result = run(el, o);
    }
    System.out.println(result);
    System.exit(result.contains(" ok=true ") ? 0 : 2);
  }

  /** Runs the scenario, prints the report for people and returns the {@code RESULT} line. */
  static String run(EventLoops el, RoomOptions o) throws Exception {
    RunOptions run = o.run();
    // rejoining AppRTC clients each have a request in flight all the time: a connection each, as real ones have
    int httpConnections = o.scenario().equals("rejoins") ? o.clients() : run.rampConcurrency();
    AppRtcRoomServer roomServer = o.dialect() == RoomDialect.APPRTC
        ? new AppRtcRoomServer(run.url(), httpConnections) : null;
    String wsUrl = roomServer == null ? run.url() : roomServer.colliderUrl();
    WebSocketTarget target = WebSocketTarget.of(wsUrl, o.dialect().subProtocols);
    System.out.printf(Locale.ROOT, "[%s] %d clients in %d rooms of %d on %s (%s, ramp concurrency %d)%n", run.label(),
        o.clients(), o.rooms(), o.roomSize(), run.url(), o.dialect(), run.rampConcurrency());
    try {
      if (o.scenario().equals("joins")) {
        for (int w = 1; w <= o.joinWarmup(); w++) warmUp(el, o, w, target, roomServer);
      }
      RoomFleet fleet = new RoomFleet(el, o, "", target, roomServer);
      String result = switch (o.scenario()) {
        case "joins" -> joins(el, fleet, o, roomServer);
        case "rejoins" -> rejoins(fleet, o);
        default -> fanout(fleet, o);
      };
      if (fleet.ramp.firstError() != null) System.out.println("[" + run.label() + "] first error: " + fleet.ramp.firstError());
      fleet.closeAll();
      Thread.sleep(500); // let the close frames go out
      return result;
    } finally {
      if (roomServer != null) roomServer.close();
    }
  }

  /** One warm-up ramp: the same number of clients join rooms of their own, then all leave. */
  private static void warmUp(EventLoops el, RoomOptions o, int ramp, WebSocketTarget target,
      AppRtcRoomServer roomServer) throws Exception {
    String label = o.run().label() + " warm-up " + ramp;
    RoomFleet warm = new RoomFleet(el, o, "w" + ramp + "-", target, roomServer);
    double seconds = warm.ramp.run(label, o.run().rampTimeout(), System.out);
    boolean closed = warm.leaveAll(LEAVE_TIMEOUT_SECONDS);
    RoomStats s = warm.collect();
    System.out.printf(Locale.ROOT, "[%s] %,d of %,d joined in %.2f s (%,.0f joins/s), %s; errors %d%n", label,
        warm.ramp.loggedIn(), warm.clients(), seconds, warm.ramp.loggedIn() / seconds,
        closed ? "all left" : "NOT all closed within " + LEAVE_TIMEOUT_SECONDS + " s", s.traffic.errors);
  }

  private static String joins(EventLoops el, RoomFleet fleet, RoomOptions o, AppRtcRoomServer roomServer)
      throws Exception {
    RunOptions run = o.run();
    CpuWindow cpu = run.cpuWindow();
    double seconds = fleet.ramp.run(run.label(), run.rampTimeout(), System.out);
    CpuWindow.Use used = cpu.end();
    int joined = fleet.ramp.loggedIn();
    // An AppRTC client counts itself in once its register is written; a refusal can come after the
    // ramp, so the counters are collected once Collider has been asked how many it registered.
    int registered = roomServer == null ? -1 : registered(el, roomServer, joined);
    RoomStats total = fleet.collect();
    return RoomResults.joins(run.label(), o.joinWarmup(), fleet.clients(), joined, fleet.ramp.failedCount(),
        registered, seconds, used, total);
  }

  /**
   * Collider's count of registered sockets, read until it reaches {@code joined} (the last
   * register frames may still be on their way) or for at most 5 s. The request is made on an
   * event loop: from another thread the response can end before its body is asked for.
   */
  private static int registered(EventLoops el, AppRtcRoomServer roomServer, int joined) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    int n;
    do {
      Promise<Integer> status = Promise.promise();
      el.context(0).runOnContext(v -> roomServer.registeredSockets().onComplete(status));
      n = status.future().await(10, TimeUnit.SECONDS);
      if (n >= joined) return n;
      TimeUnit.MILLISECONDS.sleep(100);
    } while (System.nanoTime() < deadline);
    return n;
  }

  private static String rejoins(RoomFleet fleet, RoomOptions o) throws Exception {
    RunOptions run = o.run();
    fleet.ramp.run(run.label(), run.rampTimeout(), System.out);
    int clients = fleet.ramp.loggedIn();
    if (clients == 0) return "RESULT label=" + run.label() + " scenario=rejoins ok=false reason=nobody_joined";
    System.out.printf(Locale.ROOT, "[%s] %d clients rejoining their rooms, one rejoin in flight each: warmup %d s,"
        + " measuring %d s%n", run.label(), clients, run.warmup(), run.seconds());
    CpuWindow.Use used = measure(run, fleet::startRejoins);
    RoomStats total = fleet.collect();
    return RoomResults.rejoins(run.label(), o.rooms(), o.roomSize(), clients, fleet.ramp.failedCount(), run.seconds(),
        used, total);
  }

  private static String fanout(RoomFleet fleet, RoomOptions o) throws Exception {
    RunOptions run = o.run();
    fleet.ramp.run(run.label(), run.rampTimeout(), System.out);
    int readyRooms = fleet.readyRooms();
    if (readyRooms == 0) return "RESULT label=" + run.label() + " scenario=fanout ok=false reason=no_room_joined";
    System.out.printf(Locale.ROOT, "[%s] %d rooms sending: warmup %d s, measuring %d s, window %d per room%n",
        run.label(), readyRooms, run.warmup(), run.seconds(), run.window());
    CpuWindow.Use used = measure(run, fleet::startFanout);
    RoomStats total = fleet.collect();
    return RoomResults.fanout(run.label(), readyRooms, o.roomSize(), run.window(), run.seconds(),
        fleet.ramp.failedCount(), used, total);
  }

  /** Starts a load that counts what happens in [startNs, endNs) on System.nanoTime's clock. */
  private interface WindowedLoad {
    void start(long startNs, long endNs);
  }

  /** Starts {@code load}, waits out the warm-up and the measured window; returns the CPU used in the window. */
  private static CpuWindow.Use measure(RunOptions run, WindowedLoad load) throws InterruptedException {
    long measureStart = System.nanoTime() + TimeUnit.SECONDS.toNanos(run.warmup());
    long measureEnd = measureStart + TimeUnit.SECONDS.toNanos(run.seconds());
    load.start(measureStart, measureEnd);
    sleepUntil(measureStart);
    CpuWindow cpu = run.cpuWindow();
    sleepUntil(measureEnd);
    return cpu.end();
  }

  private static void sleepUntil(long nanoTime) throws InterruptedException {
    long left;
    while ((left = nanoTime - System.nanoTime()) > 0) TimeUnit.NANOSECONDS.sleep(Math.min(left, 200_000_000L));
  }

  private RoomLoad() {}
}
