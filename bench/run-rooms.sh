#!/usr/bin/env bash
# Room benchmark: Junction against Node.js peers on the `ws` package (bench/peers/ws-relay), same
# machine, same run, same load, in two comparisons:
#   native: Junction's native protocol v1 (/ws/v1), rooms of ROOM_SIZE, vs rooms.js (the ws relay
#           with rooms, one join frame) with rooms of ROOM_SIZE
#   apprtc: Junction's AppRTC dialect (POST /apprtc/join/<room>, then Collider's WebSocket: register,
#           send; POST /apprtc/leave), rooms of 2 as AppRTC has them, vs apprtc.js, which speaks the
#           same AppRTC wire protocol. Both mint TURN REST credentials for every join with one
#           secret (Junction runs its TURN server on a free loopback port for it, the peer only names one)
# Prints every run, the means over the rounds and Junction's ratios to the peer.
#
#   bench/run-rooms.sh                     # full run, several minutes per round
#   SECONDS_MEASURE=5 WARMUP=2 JOIN_ROOMS=100 JOIN_WARMUP=1 REJOIN_ROOMS=20 FANOUT_ROOMS=20 bench/run-rooms.sh   # a quick check
#   ROUNDS=3 COMPARISONS=apprtc bench/run-rooms.sh
#   SCENARIOS=rejoins bench/run-rooms.sh
#
# Scenarios, each against a freshly started server on a free loopback port:
#   joins:  JOIN_WARMUP ramps of clients join rooms and leave again (a warm server, as the peer's
#           JIT-free node is warm at once), then the measured ramp: every client connects (AppRTC:
#           joins over HTTP first) and joins, RAMP_CONCURRENCY at a time
#           -> completed joins per second, first-request-to-joined latency
#   rejoins: every client connects and joins, then leaves its room and joins it again on its open
#           session, in a closed loop with one rejoin in flight (native and the peer: the leave and
#           join frames back to back; AppRTC: POST leave, then POST join, no Collider), WARMUP s
#           then SECONDS_MEASURE s -> joins per second, leave-sent-to-joined latency. The join
#           without the TCP connection and WebSocket upgrade that `joins` pays each time
#   fanout: the first member of each room sends room messages (PADDING_BYTES of padding), WINDOW in
#           flight until every other member has them -> messages delivered per second, latency
# Rounds (ROUNDS) repeat every run, alternating which server goes first, so a drift in the
# machine's load hurts both alike. Each run also prints the CPU other programs took in its window.
# Only loopback addresses are used; every loop is bounded; everything started here is killed on exit.
set -euo pipefail

COMPARISONS=${COMPARISONS:-native apprtc}
ROUNDS=${ROUNDS:-1}
ROOM_SIZE=${ROOM_SIZE:-6}            # native rooms; the native protocol holds up to 6
JOIN_ROOMS=${JOIN_ROOMS:-1500}
REJOIN_ROOMS=${REJOIN_ROOMS:-100}
FANOUT_ROOMS=${FANOUT_ROOMS:-50}
# AppRTC rooms hold 2: by default as many clients join, rejoin and receive as in the native runs
APPRTC_JOIN_ROOMS=${APPRTC_JOIN_ROOMS:-$((JOIN_ROOMS * ROOM_SIZE / 2))}
APPRTC_REJOIN_ROOMS=${APPRTC_REJOIN_ROOMS:-$((REJOIN_ROOMS * ROOM_SIZE / 2))}
APPRTC_FANOUT_ROOMS=${APPRTC_FANOUT_ROOMS:-$((FANOUT_ROOMS * (ROOM_SIZE - 1)))}
SCENARIOS=${SCENARIOS:-joins rejoins fanout} # any of them, run in the order given
JOIN_WARMUP=${JOIN_WARMUP:-15}       # warm-up join ramps before the measured one (V8 and C2 still compile after 3); 0 = a cold server
WINDOW=${WINDOW:-16}
PADDING_BYTES=${PADDING_BYTES:-200}
SECONDS_MEASURE=${SECONDS_MEASURE:-20}
WARMUP=${WARMUP:-10}
RAMP_CONCURRENCY=${RAMP_CONCURRENCY:-64}
RAMP_TIMEOUT=${RAMP_TIMEOUT:-120}
CLIENT_EVENT_LOOPS=${CLIENT_EVENT_LOOPS:-2}
SKIP_BUILD=${SKIP_BUILD:-0}
CLIENT_JAVA_OPTS=${CLIENT_JAVA_OPTS:--Xms512m -Xmx1g}

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
PEER_DIR=bench/peers/ws-relay
OUT=bench/target/run-rooms
BENCH_JAR=bench/target/junction-bench.jar
SERVER_JAR=server/target/junction.jar
mkdir -p "$OUT"
rm -f "$OUT"/*.log "$OUT"/*.txt

# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"

log() { printf '%s\n' "$*" >&2; }
die() { log "run-rooms: $*"; exit 1; }

for tool in java node npm curl; do
  command -v "$tool" >/dev/null || die "needs $tool on the PATH"
done
for c in $COMPARISONS; do
  [[ "$c" == native || "$c" == apprtc ]] || die "COMPARISONS holds native and/or apprtc, not $c"
done
for s in $SCENARIOS; do
  [[ "$s" == joins || "$s" == rejoins || "$s" == fanout ]] || die "SCENARIOS holds joins, rejoins and/or fanout, not $s"
done
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

if [[ "$SKIP_BUILD" != 1 ]]; then
  log "building server and bench ..."
  ./mvnw -q -pl server,bench -am package -DskipTests
  log "installing the peer (npm ci) ..."
  (cd "$PEER_DIR" && npm ci --no-audit --no-fund --loglevel=error) >&2
fi
[[ -f "$BENCH_JAR" ]] || die "$BENCH_JAR missing (build failed?)"
[[ -f "$SERVER_JAR" ]] || die "$SERVER_JAR missing (build failed?)"
[[ -d "$PEER_DIR/node_modules/ws" ]] || die "$PEER_DIR/node_modules missing: run npm ci there"
CLK_TCK=$(getconf CLK_TCK)
# The TURN REST secret both servers mint the AppRTC join answers' credentials with.
TURN_SECRET=$(od -An -tx1 -N24 /dev/urandom | tr -d ' \n')
export TURN_SECRET

room_size() { [[ "$1" == apprtc ]] && echo 2 || echo "$ROOM_SIZE"; }
peer_name() { [[ "$1" == apprtc ]] && echo node-apprtc || echo node-rooms; }
peer_script() { [[ "$1" == apprtc ]] && echo apprtc.js || echo rooms.js; }

start_for() { # comparison server(junction|node)
  case "$2-$1" in
    node-*) start_server "$(peer_name "$1")" "$PEER_DIR/$(peer_script "$1")" ;;
    junction-native) start_server junction ;;
    # every AppRTC join answer then carries TURN credentials minted for it, as the peer's do; the
    # ICE servers' per-address rate limit is lifted with the others (the peer has none)
    junction-apprtc) start_server junction --set turn.enabled=true --set turn.port=0 --set turn.listenHost=127.0.0.1 \
      --set "turn.secrets=[\"$TURN_SECRET\"]" --set ice.requestsPerSecondPerIp=1000000000 ;;
  esac
}

run_load() { # comparison scenario round server(junction|node)
  local cmp=$1 scenario=$2 round=$3 server=$4 file url dialect rooms size
  file="$OUT/$cmp-$scenario-r$round-$server.txt"
  size=$(room_size "$cmp")
  start_for "$cmp" "$server"
  case "$server-$cmp" in
    node-native) url="ws://127.0.0.1:$SERVER_PORT/"; dialect=node-rooms ;;
    junction-native) url="ws://127.0.0.1:$SERVER_PORT/ws/v1"; dialect=native ;;
    *-apprtc) url="http://127.0.0.1:$SERVER_PORT/apprtc"; dialect=apprtc ;;
  esac
  case "$cmp-$scenario" in
    native-joins) rooms=$JOIN_ROOMS ;;
    native-rejoins) rooms=$REJOIN_ROOMS ;;
    native-fanout) rooms=$FANOUT_ROOMS ;;
    apprtc-joins) rooms=$APPRTC_JOIN_ROOMS ;;
    apprtc-rejoins) rooms=$APPRTC_REJOIN_ROOMS ;;
    apprtc-fanout) rooms=$APPRTC_FANOUT_ROOMS ;;
  esac
  log "== $cmp $scenario, round $round, $server: $rooms rooms of $size on $url (server pid $SERVER_PID)"
  # shellcheck disable=SC2086
  java $CLIENT_JAVA_OPTS -cp "$BENCH_JAR" dev.junction.bench.rooms.RoomLoad --url "$url" --dialect "$dialect" \
    --scenario "$scenario" --rooms "$rooms" --room-size "$size" --window "$WINDOW" --join-warmup "$JOIN_WARMUP" \
    --padding-bytes "$PADDING_BYTES" --seconds "$SECONDS_MEASURE" --warmup "$WARMUP" \
    --ramp-concurrency "$RAMP_CONCURRENCY" --ramp-timeout "$RAMP_TIMEOUT" --event-loops "$CLIENT_EVENT_LOOPS" \
    --server-pid "$SERVER_PID" --clk-tck "$CLK_TCK" --label "$cmp-$scenario-r$round-$server" | tee "$file" >&2 || true
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    log "!! $server died during the $cmp $scenario run"
    echo "RESULT label=$cmp-$scenario-r$round-$server ok=false reason=server_died" >>"$file"
  fi
  stop_server
}

{
  echo "rounds=$ROUNDS"
  echo "comparisons=$COMPARISONS"
  echo "scenarios=$SCENARIOS"
  for c in $COMPARISONS; do echo "room_size.$c=$(room_size "$c")"; echo "peer.$c=$(peer_name "$c")"; done
} >"$OUT/params.txt"
# Rounds alternate the order (peer first, then Junction first, ...), recorded for the summary.
for ((r = 1; r <= ROUNDS; r++)); do
  order=(node junction)
  ((r % 2 == 0)) && order=(junction node)
  echo "first.$r=${order[0]}" >>"$OUT/params.txt"
  for cmp in $COMPARISONS; do
    for scenario in $SCENARIOS; do
      for s in "${order[@]}"; do run_load "$cmp" "$scenario" "$r" "$s"; done
    done
  done
done

# ---- summary ---------------------------------------------------------------------------------------
{
  echo
  echo "Rooms: Junction vs the Node ws peers; machine: $(nproc) cores, $(date -u +%Y-%m-%d), load generator on the same cores"
  echo "native: protocol v1 vs rooms.js, rooms of $ROOM_SIZE, joins $JOIN_ROOMS rooms, rejoins $REJOIN_ROOMS rooms," \
    "fanout $FANOUT_ROOMS rooms;"
  echo "apprtc: HTTP join + Collider register/send on both (apprtc.js), TURN credentials minted per join, rooms of 2," \
    "joins $APPRTC_JOIN_ROOMS rooms, rejoins $APPRTC_REJOIN_ROOMS rooms (HTTP leave + join), fanout $APPRTC_FANOUT_ROOMS rooms"
  echo "joins: $RAMP_CONCURRENCY at once after $JOIN_WARMUP warm-up ramp(s); rejoins: one in flight per client;" \
    "fanout: one sender per room, $WINDOW messages in flight, ${PADDING_BYTES} B padding"
  echo "rejoins and fanout: ${SECONDS_MEASURE}s measured after ${WARMUP}s warmup; $ROUNDS round(s), order alternating"
  java -cp "$BENCH_JAR" dev.junction.bench.rooms.RoomsSummary --dir "$OUT"
} | tee "$OUT/summary.txt"
