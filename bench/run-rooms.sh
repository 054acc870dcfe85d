#!/usr/bin/env bash
# Room benchmark: Junction's native protocol v1 against the Node.js `ws` rooms peer
# (bench/peers/ws-relay/rooms.js), same machine, same run, same load. Prints both results and the
# ratios in one table.
#
#   bench/run-rooms.sh                     # full run, a few minutes
#   SECONDS_MEASURE=10 WARMUP=3 bench/run-rooms.sh
#
# Runs, each against a freshly started server on a free loopback port:
#   1. joins: JOIN_ROOMS rooms of ROOM_SIZE clients connect, hello (native) and join,
#      RAMP_CONCURRENCY at a time -> completed joins per second, connect-to-joined latency
#   2. fanout: FANOUT_ROOMS rooms of ROOM_SIZE; the first member of each room sends room messages
#      (PADDING_BYTES of padding), WINDOW in flight until every other member has them
#      -> messages delivered per second, send-to-delivery latency, server CPU
# ROOM_SIZE defaults to 6, the native protocol's room capacity. Only loopback addresses are used;
# every loop is bounded; everything started here is killed on exit.
set -euo pipefail

ROOM_SIZE=${ROOM_SIZE:-6}
JOIN_ROOMS=${JOIN_ROOMS:-500}
FANOUT_ROOMS=${FANOUT_ROOMS:-50}
WINDOW=${WINDOW:-16}
PADDING_BYTES=${PADDING_BYTES:-200}
SECONDS_MEASURE=${SECONDS_MEASURE:-20}
WARMUP=${WARMUP:-10}
RAMP_CONCURRENCY=${RAMP_CONCURRENCY:-64}
RAMP_TIMEOUT=${RAMP_TIMEOUT:-300}
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

# RESULT lines are "RESULT key=value ..."; field FILE KEY prints one value.
field() { grep '^RESULT ' "$1" | tail -1 | tr ' ' '\n' | sed -n "s/^$2=//p"; }

run_load() { # name scenario
  local name=$1 scenario=$2 file="$OUT/$1-$2.txt" url dialect rooms
  start_server "$name" "$PEER_DIR/rooms.js"
  case "$name" in
    node-rooms) url="ws://127.0.0.1:$SERVER_PORT/"; dialect=node-rooms ;;
    junction) url="ws://127.0.0.1:$SERVER_PORT/ws/v1"; dialect=native ;;
  esac
  rooms=$JOIN_ROOMS
  [[ "$scenario" == fanout ]] && rooms=$FANOUT_ROOMS
  log "== $name, $scenario: $rooms rooms of $ROOM_SIZE on $url (server pid $SERVER_PID)"
  # shellcheck disable=SC2086
  java $CLIENT_JAVA_OPTS -cp "$BENCH_JAR" dev.junction.bench.rooms.RoomLoad --url "$url" --dialect "$dialect" \
    --scenario "$scenario" --rooms "$rooms" --room-size "$ROOM_SIZE" --window "$WINDOW" \
    --padding-bytes "$PADDING_BYTES" --seconds "$SECONDS_MEASURE" --warmup "$WARMUP" \
    --ramp-concurrency "$RAMP_CONCURRENCY" --ramp-timeout "$RAMP_TIMEOUT" --event-loops "$CLIENT_EVENT_LOOPS" \
    --server-pid "$SERVER_PID" --clk-tck "$CLK_TCK" --label "$name-$scenario" | tee "$file" >&2 || true
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    log "!! $name died during the $scenario run"
    echo "RESULT label=$name-$scenario ok=false reason=server_died" >>"$file"
  fi
  stop_server
}

SERVERS=(node-rooms junction)
for scenario in joins fanout; do
  for s in "${SERVERS[@]}"; do run_load "$s" "$scenario"; done
done

# ---- table -----------------------------------------------------------------------------------------
kfmt() { awk -v v="${1:-0}" 'BEGIN { if (v >= 1000) printf "%.1fk", v / 1000; else printf "%.0f", v }'; }
ratio() { awk -v a="${1:-0}" -v b="${2:-0}" 'BEGIN { if (a > 0 && b > 0) printf "%.2fx", a / b; else printf "n/a" }'; }
ok() { [[ -f "$1" && "$(field "$1" ok)" == true ]]; }
per_cpu() { awk -v n="${1:-0}" -v c="${2:-0}" 'BEGIN { if (c > 0) printf "%.0f", n / c; else print 0 }'; }

{
  echo
  echo "Rooms: native protocol v1 vs the Node ws rooms peer; rooms of $ROOM_SIZE; machine: $(nproc) cores, $(date -u +%Y-%m-%d), load generator on the same cores"
  echo "joins: $JOIN_ROOMS rooms ($((JOIN_ROOMS * ROOM_SIZE)) clients), $RAMP_CONCURRENCY connecting at once; fanout: $FANOUT_ROOMS rooms, one sender each,"
  echo "  $WINDOW messages in flight per room, ${PADDING_BYTES} B padding, ${SECONDS_MEASURE}s measured after ${WARMUP}s warmup"
  printf '%-20s %12s %9s %9s %9s %12s\n' run "rate/s" "p50 ms" "p99 ms" "cpu s" "per cpu-s"
  for scenario in joins fanout; do
    for s in "${SERVERS[@]}"; do
      f="$OUT/$s-$scenario.txt"
      if ! ok "$f"; then printf '%-20s no result (%s)\n' "$s-$scenario" "$(field "$f" reason 2>/dev/null)"; continue; fi
      if [[ "$scenario" == joins ]]; then rate=$(field "$f" joins_per_s); n=$(field "$f" joined); else rate=$(field "$f" msg_per_s); n=$(field "$f" delivered); fi
      printf '%-20s %12s %9s %9s %9s %12s\n' "$s-$scenario" "$(kfmt "$rate")" "$(field "$f" p50_ms)" "$(field "$f" p99_ms)" \
        "$(field "$f" server_cpu_s)" "$(kfmt "$(per_cpu "$n" "$(field "$f" server_cpu_s)")")"
    done
  done
  echo
  j="$OUT/junction-joins.txt"; n="$OUT/node-rooms-joins.txt"
  if ok "$j" && ok "$n"; then
    printf 'joins/s: junction %s | node-rooms %s | %s of the peer\n' "$(kfmt "$(field "$j" joins_per_s)")" \
      "$(kfmt "$(field "$n" joins_per_s)")" "$(ratio "$(field "$j" joins_per_s)" "$(field "$n" joins_per_s)")"
  fi
  j="$OUT/junction-fanout.txt"; n="$OUT/node-rooms-fanout.txt"
  if ok "$j" && ok "$n"; then
    printf 'fan-out delivered msg/s: junction %s p99 %s ms | node-rooms %s p99 %s ms | throughput %s, p99 %s of the peer\n' \
      "$(kfmt "$(field "$j" msg_per_s)")" "$(field "$j" p99_ms)" "$(kfmt "$(field "$n" msg_per_s)")" "$(field "$n" p99_ms)" \
      "$(ratio "$(field "$j" msg_per_s)" "$(field "$n" msg_per_s)")" "$(ratio "$(field "$j" p99_ms)" "$(field "$n" p99_ms)")"
  fi
} | tee "$OUT/summary.txt"
