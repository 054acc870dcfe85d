#!/usr/bin/env bash
# Signaling relay benchmark: Junction's MDN dialect against a minimal Node.js `ws` relay (the peer),
# same machine, same run, same load. Prints both results and the ratios in one table.
#
#   bench/run-signaling.sh                 # full run, a few minutes
#   SECONDS_MEASURE=10 WARMUP=3 bench/run-signaling.sh
#
# Runs, each against a freshly started server on a free loopback port:
#   (ROUNDS > 1 repeats 1 and 2, alternating which server goes first)
#   1. saturation: CONNECTIONS clients in pairs, closed loop (WINDOW messages in flight per pair)
#      -> messages relayed per second, latency percentiles, server CPU
#   2. paced: the same clients at PACED_RATE messages/s per pair (equal offered load for both)
#      -> latency at equal load
#   3. idle (Junction only, -Xmx1g): IDLE_CONNECTIONS logged-in clients held IDLE_SECONDS;
#      heap used read from /metrics while they are held; the server must stay up.
# Only loopback addresses are used; every loop is bounded; everything started here is killed on exit.
set -euo pipefail

CONNECTIONS=${CONNECTIONS:-2000}
SECONDS_MEASURE=${SECONDS_MEASURE:-20}
WARMUP=${WARMUP:-10}        # the JVM server needs its JIT warm as much as node does
WINDOW=${WINDOW:-8}
PACED_RATE=${PACED_RATE:-10}
CLIENT_EVENT_LOOPS=${CLIENT_EVENT_LOOPS:-2}
RAMP_TIMEOUT=${RAMP_TIMEOUT:-300}
IDLE_CONNECTIONS=${IDLE_CONNECTIONS:-20000}
IDLE_SECONDS=${IDLE_SECONDS:-30}
IDLE_ROOM_SIZE=${IDLE_ROOM_SIZE:-100}  # clients per room in the idle run; 0 = all in the lobby
IDLE_PER_PROCESS=${IDLE_PER_PROCESS:-7000}
RUN_PACED=${RUN_PACED:-1}
ROUNDS=${ROUNDS:-1}           # rounds per server and mode; the ratios use the mean over rounds
RUN_IDLE=${RUN_IDLE:-1}
SKIP_BUILD=${SKIP_BUILD:-0}
CLIENT_JAVA_OPTS=${CLIENT_JAVA_OPTS:--Xms1g -Xmx2g}

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
PEER_DIR=bench/peers/ws-relay
OUT=bench/target/run-signaling
BENCH_JAR=bench/target/junction-bench.jar
SERVER_JAR=server/target/junction.jar
mkdir -p "$OUT"
rm -f "$OUT"/*.log "$OUT"/*.ready "$OUT"/*.txt "$OUT"/idle.release

# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"

log() { printf '%s\n' "$*" >&2; }
die() { log "run-signaling: $*"; exit 1; }

for tool in java jar node npm curl; do
  command -v "$tool" >/dev/null || die "needs $tool on the PATH"
done

# File descriptors: the server holds one per connection and so does the client process.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
FD_LIMIT=$(ulimit -n)
log "open-file limit: $FD_LIMIT (hard $(ulimit -Hn))"

if [[ "$SKIP_BUILD" != 1 ]]; then
  log "building server and bench ..."
  ./mvnw -q -pl server,bench -am package -DskipTests
  log "installing the peer (npm ci) ..."
  (cd "$PEER_DIR" && npm ci --no-audit --no-fund --loglevel=error) >&2
fi
[[ -f "$BENCH_JAR" ]] || die "$BENCH_JAR missing (build failed?)"
[[ -d "$PEER_DIR/node_modules/ws" ]] || die "$PEER_DIR/node_modules missing: run npm ci there"
HAVE_JUNCTION=0
# The jar exists as soon as the server module builds; it can only run once the server is written.
if [[ -f "$SERVER_JAR" ]] && jar tf "$SERVER_JAR" | grep -q '^dev/junction/server/JunctionServer.class$'; then
  HAVE_JUNCTION=1
else
  log "NOTE: $SERVER_JAR has no JunctionServer: Junction is not measured in this run"
fi
CLK_TCK=$(getconf CLK_TCK)

ws_url() { # name
  case "$1" in
    node-ws) echo "ws://127.0.0.1:$SERVER_PORT/" ;;
    junction) echo "ws://127.0.0.1:$SERVER_PORT/ws/mdn" ;;
  esac
}

# RESULT lines are "RESULT key=value ..."; field FILE KEY prints one value.
field() { grep '^RESULT ' "$1" | tail -1 | tr ' ' '\n' | sed -n "s/^$2=//p"; }

run_load() { # name mode(saturation|paced) round
  local name=$1 mode=$2 round=$3 rate=0 file="$OUT/$1-$2-$3.txt"
  [[ "$mode" == paced ]] && rate=$PACED_RATE
  start_server "$name" "$PEER_DIR/relay.js"
  log "== $name, $mode, round $round: $CONNECTIONS connections on $(ws_url "$name") (server pid $SERVER_PID)"
  # shellcheck disable=SC2086
  java $CLIENT_JAVA_OPTS -cp "$BENCH_JAR" dev.junction.bench.SignalingLoad --url "$(ws_url "$name")" \
    --connections "$CONNECTIONS" --seconds "$SECONDS_MEASURE" --warmup "$WARMUP" --rate-per-pair "$rate" \
    --window "$WINDOW" --event-loops "$CLIENT_EVENT_LOOPS" --ramp-timeout "$RAMP_TIMEOUT" \
    --server-pid "$SERVER_PID" --clk-tck "$CLK_TCK" --label "$name-$mode-$round" | tee "$file" >&2 || true
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    log "!! $name died during the $mode run"; echo "RESULT label=$name-$mode-$round ok=false reason=server_died" >>"$file"
  fi
  stop_server
}

SERVERS=(node-ws)
((HAVE_JUNCTION)) && SERVERS+=(junction)
MODES=(saturation)
[[ "$RUN_PACED" == 1 ]] && MODES+=(paced)
# Rounds alternate the order (A B, B A, ...) so a drift in the machine's load hurts both alike.
for mode in "${MODES[@]}"; do
  for ((r = 1; r <= ROUNDS; r++)); do
    order=("${SERVERS[@]}")
    if ((r % 2 == 0)); then order=(); for ((i = ${#SERVERS[@]} - 1; i >= 0; i--)); do order+=("${SERVERS[$i]}"); done; fi
    for s in "${order[@]}"; do run_load "$s" "$mode" "$r"; done
  done
done

# ---- idle connections against Junction -----------------------------------------------------------
IDLE_SUMMARY="idle: not run"
if [[ "$RUN_IDLE" == 1 ]] && ((HAVE_JUNCTION)); then
  idle_n=$IDLE_CONNECTIONS
  max_server=$((FD_LIMIT - 256))
  if ((idle_n > max_server)); then
    log "!! open-file limit $FD_LIMIT cannot hold $idle_n connections in one server process: running $max_server"
    idle_n=$max_server
  fi
  rooms=0
  ((IDLE_ROOM_SIZE > 0)) && rooms=$(((idle_n + IDLE_ROOM_SIZE - 1) / IDLE_ROOM_SIZE))
  start_server junction  # default signaling.maxRooms (10000) is far above the rooms used here
  procs=$(((idle_n + IDLE_PER_PROCESS - 1) / IDLE_PER_PROCESS))
  log "== junction, idle: $idle_n connections in $procs client processes, $rooms rooms, held ${IDLE_SECONDS}s (server pid $SERVER_PID, -Xmx1g)"
  client_pids=()
  left=$idle_n
  for ((p = 0; p < procs; p++)); do
    n=$((left < IDLE_PER_PROCESS ? left : IDLE_PER_PROCESS))
    left=$((left - n))
    # each process gets a share of the rooms; 4 source addresses keep ephemeral ports plentiful
    proc_rooms=0
    ((rooms > 0)) && proc_rooms=$(((n + IDLE_ROOM_SIZE - 1) / IDLE_ROOM_SIZE))
    # shellcheck disable=SC2086
    # --seconds is only the upper bound: the clients are released once /metrics has been read
    java $CLIENT_JAVA_OPTS -cp "$BENCH_JAR" dev.junction.bench.IdleConnections --url "$(ws_url junction)" \
      --connections "$n" --seconds "$((IDLE_SECONDS + RAMP_TIMEOUT + 120))" --rooms "$proc_rooms" --name-prefix "p${p}-" \
      --local-addresses 4 --ramp-timeout "$RAMP_TIMEOUT" --ready-file "$OUT/idle-$p.ready" \
      --release-file "$OUT/idle.release" --label "idle-$p" >"$OUT/idle-$p.txt" 2>&1 &
    client_pids+=($!)
    PIDS+=($!)
  done
  # each process names its users p<P><k> and its rooms p<P>r<i>, so rooms are not shared
  deadline=$((SECONDS + RAMP_TIMEOUT + 60))
  for ((p = 0; p < procs; p++)); do
    while [[ ! -f "$OUT/idle-$p.ready" ]] && ((SECONDS < deadline)); do sleep 1; done
  done
  up=0
  for ((p = 0; p < procs; p++)); do
    [[ -f "$OUT/idle-$p.ready" ]] && up=$((up + $(sed -n 's/^up=//p' "$OUT/idle-$p.ready")))
  done
  log "idle: $up connections up; holding ${IDLE_SECONDS}s, then reading /metrics"
  sleep "$IDLE_SECONDS"
  heap_bytes=$(curl -fsS --max-time 10 "http://127.0.0.1:$SERVER_PORT/metrics" \
    | awk '/^jvm_memory_used_bytes\{/ && /area="heap"/ {s += $NF} END {printf "%.0f", s}') || heap_bytes=
  healthy=no
  curl -fsS -o /dev/null --max-time 10 "http://127.0.0.1:$SERVER_PORT/healthz" && kill -0 "$SERVER_PID" 2>/dev/null && healthy=yes
  touch "$OUT/idle.release"
  for pid in "${client_pids[@]}"; do wait "$pid" || true; done
  still_open=0
  for ((p = 0; p < procs; p++)); do
    cat "$OUT/idle-$p.txt" >&2
    v=$(field "$OUT/idle-$p.txt" still_open)
    still_open=$((still_open + ${v:-0}))
  done
  kill -0 "$SERVER_PID" 2>/dev/null || healthy=no
  heap_mib=$(awk -v b="${heap_bytes:-0}" 'BEGIN {printf "%.0f", b / 1048576}')
  IDLE_SUMMARY="idle: junction held $still_open of $idle_n connections (requested $IDLE_CONNECTIONS, $rooms rooms) for ${IDLE_SECONDS}s; heap used ${heap_mib} MiB of -Xmx1g (from /metrics with $up up); server up: $healthy"
  printf 'RESULT label=junction-idle requested=%s connections=%s up=%s still_open=%s heap_used_bytes=%s healthy=%s rooms=%s fd_limit=%s\n' \
    "$IDLE_CONNECTIONS" "$idle_n" "$up" "$still_open" "${heap_bytes:-}" "$healthy" "$rooms" "$FD_LIMIT" >"$OUT/junction-idle.txt"
  stop_server
elif [[ "$RUN_IDLE" == 1 ]]; then
  IDLE_SUMMARY="idle: not measured (no Junction server jar)"
fi

# ---- table -----------------------------------------------------------------------------------------
kfmt() { awk -v v="${1:-0}" 'BEGIN { if (v >= 1000) printf "%.1fk", v / 1000; else printf "%.0f", v }'; }
ratio() { awk -v a="${1:-0}" -v b="${2:-0}" 'BEGIN { if (a > 0 && b > 0) printf "%.2fx", a / b; else printf "n/a" }'; }
ok_files() { # name mode: the result files of the rounds that completed
  local f
  for f in "$OUT/$1-$2-"*.txt; do [[ -f "$f" && "$(field "$f" ok)" == true ]] && echo "$f"; done
}
mean() { # name mode key: mean over completed rounds (key "eff" = messages per server CPU-second)
  local f v sum=0 n=0
  for f in $(ok_files "$1" "$2"); do
    if [[ "$3" == eff ]]; then
      v=$(awk -v r="$(field "$f" received)" -v c="$(field "$f" server_cpu_s)" 'BEGIN { if (c > 0) print r / c; else print 0 }')
    else
      v=$(field "$f" "$3")
    fi
    sum=$(awk -v a="$sum" -v b="$v" 'BEGIN {print a + b}')
    n=$((n + 1))
  done
  ((n > 0)) && awk -v a="$sum" -v n="$n" 'BEGIN {printf "%.3f", a / n}'
  return 0
}
row() { # file
  local f=$1 label cores eff
  label=$(field "$f" label)
  if [[ "$(field "$f" ok)" != true ]]; then
    printf '%-22s %s\n' "$label" "no result ($(field "$f" reason))"
    return
  fi
  cores=$(awk -v c="$(field "$f" server_cpu_s)" -v s="$(field "$f" seconds)" 'BEGIN {printf "%.2f", c / s}')
  eff=$(awk -v r="$(field "$f" received)" -v c="$(field "$f" server_cpu_s)" 'BEGIN { if (c > 0) printf "%.0f", r / c; else print 0 }')
  printf '%-22s %9s %9s %9s %9s %9s %6s %9s %6s %6s %6s %5s\n' "$label" "$(kfmt "$(field "$f" msg_per_s)")" \
    "$(field "$f" p50_ms)" "$(field "$f" p99_ms)" "$(field "$f" p999_ms)" "$(field "$f" max_ms)" "$cores" "$(kfmt "$eff")" \
    "$(field "$f" other_cores)" "$(field "$f" irq_cores)" "$(field "$f" errors)" "$(field "$f" disconnects)"
}

{
  echo
  echo "Signaling relay (MDN dialect): $CONNECTIONS connections in pairs; offer ~4.6 KB, answer ~4.0 KB, 8 candidates ~270 B per exchange"
  echo "${SECONDS_MEASURE}s measured after ${WARMUP}s warmup, $ROUNDS round(s); saturation = closed loop, $WINDOW in flight per pair; paced = $PACED_RATE msg/s per pair"
  echo "machine: $(nproc) cores, $(date -u +%Y-%m-%d), load generator on the same cores; cores = the server's CPU in the window;"
  echo "others = cores other programs on the machine took in the window; irq = cores in interrupt handlers (network; from /proc/stat)"
  printf '%-22s %9s %9s %9s %9s %9s %6s %9s %6s %6s %6s %5s\n' run "msg/s" "p50 ms" "p99 ms" "p99.9 ms" "max ms" cores "msg/cpu-s" others irq errors disc
  for mode in "${MODES[@]}"; do
    for s in "${SERVERS[@]}"; do
      for f in "$OUT/$s-$mode-"*.txt; do [[ -f "$f" ]] && row "$f"; done
    done
  done
  echo
  if ((HAVE_JUNCTION)); then
    jt=$(mean junction saturation msg_per_s); nt=$(mean node-ws saturation msg_per_s)
    jq99=$(mean junction saturation p99_ms); nq99=$(mean node-ws saturation p99_ms)
    if [[ -n "$jt" && -n "$nt" ]]; then
      printf 'junction %s msg/s p99 %.1f ms | node-ws %s msg/s p99 %.1f ms | throughput %s, p99 %s of the peer, msg per server CPU-second %s\n' \
        "$(kfmt "$jt")" "$jq99" "$(kfmt "$nt")" "$nq99" "$(ratio "$jt" "$nt")" "$(ratio "$jq99" "$nq99")" \
        "$(ratio "$(mean junction saturation eff)" "$(mean node-ws saturation eff)")"
    fi
    jp=$(mean junction paced p99_ms); np=$(mean node-ws paced p99_ms)
    if [[ -n "$jp" && -n "$np" ]]; then
      printf 'paced, equal offered load %s msg/s: junction p99 %.2f ms | node-ws p99 %.2f ms | p99 %s of the peer\n' \
        "$(kfmt "$(mean node-ws paced msg_per_s)")" "$jp" "$np" "$(ratio "$jp" "$np")"
    fi
  else
    echo "junction: not measured (no runnable Junction server in this tree)"
  fi
  echo "$IDLE_SUMMARY"
} | tee "$OUT/summary.txt"
