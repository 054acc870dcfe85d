#!/usr/bin/env bash
# STUN/TURN benchmark: Junction's STUN/TURN server and coturn, side by side, same run, same load.
#
#   bench/run-turn.sh                 # build, then every phase; a few minutes
#   ROUNDS=5 UC_INTERVAL=1 bench/run-turn.sh
#
# Phases (docs/BENCHMARKS.md, "STUN/TURN relay"):
#   1. relay: turnutils_uclient (UDP, channels, no RTCP pair) through each server to one
#      turnutils_peer echo peer; echoed messages per second, server CPU-seconds per 100k messages
#      (utime+stime from /proc/PID/stat), loss; ROUNDS rounds, alternating which server goes first.
#      The client sets the pace, so both servers relay the same rate: this compares CPU per message.
#   2. saturate: dev.junction.bench.turn.RelayLoad, a closed loop that sends each message as the
#      last one's echo comes back, so the rate is what the server can relay; with SAT_PIN=1 the
#      server under test is pinned to CPU 0 and the generator to CPU 1. Same rounds and order.
#   3. STUN Binding: dev.junction.bench.turn.BindingLoad against each server, same rounds.
#   4. allocations held: dev.junction.bench.turn.AllocationHold makes HOLD_COUNT allocations on a
#      freshly started server and holds them while heap (Junction, after a full GC) and RSS are read.
#
# Everything it starts it stops (trap). Loopback only. Outputs: bench/target/run-turn/
# (summary.txt, each run's raw output, server logs).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=${OUT:-$ROOT/bench/target/run-turn}
ROUNDS=${ROUNDS:-3}
# relay load (turnutils_uclient); -z 2 is the smallest interval that ran lossless for both servers
# here; at -z 1 the bursts overflow the echo peer's socket (see docs/BENCHMARKS.md)
UC_CLIENTS=${UC_CLIENTS:-50}
UC_MESSAGES=${UC_MESSAGES:-5000}
UC_LENGTH=${UC_LENGTH:-200}
UC_INTERVAL=${UC_INTERVAL:-2}
UC_WARMUP_MESSAGES=${UC_WARMUP_MESSAGES:-3000} # JIT warmup for Junction, first-run effect for coturn
UC_TIMEOUT=${UC_TIMEOUT:-180}
# saturating relay load (RelayLoad): clients, each with a channel and SAT_WINDOW messages in flight
# 8 in flight per client: bursts of a few datagrams per flow, as a video frame's packets make.
# The gain of batching and GSO grows with the burst; with fewer in flight the generator, which
# then cannot batch either, is as busy as the server on this 2-core machine (docs/BENCHMARKS.md)
SAT_CLIENTS=${SAT_CLIENTS:-16}
SAT_WINDOW=${SAT_WINDOW:-8}
SAT_LENGTH=${SAT_LENGTH:-200}
SAT_SECONDS=${SAT_SECONDS:-10}
SAT_WARMUP=${SAT_WARMUP:-3} # JIT warmup of both the generator and Junction, not counted
# 1: the server under test on CPU 0, the generator on CPU 1, so the server has one core and the
# rate is what that core relays; 0: nothing pinned. Pinning needs two cores.
if (($(nproc) >= 2)); then SAT_PIN=${SAT_PIN:-1}; else SAT_PIN=${SAT_PIN:-0}; fi
# STUN Binding load
BINDING_SECONDS=${BINDING_SECONDS:-10}
BINDING_WARMUP=${BINDING_WARMUP:-3}
BINDING_SOCKETS=${BINDING_SOCKETS:-16} # more sockets than server threads, so SO_REUSEPORT spreads them
BINDING_WINDOW=${BINDING_WINDOW:-8}
# allocations held
HOLD_COUNT=${HOLD_COUNT:-10000}
HOLD_CONCURRENCY=${HOLD_CONCURRENCY:-200}
# the client sockets' address: not the relay address, whose ports 49152-65535 the servers bind
HOLD_LOCAL_HOST=${HOLD_LOCAL_HOST:-127.0.0.2}
HOLD_COTURN=${HOLD_COTURN:-1}
JUNCTION_HEAP=${JUNCTION_HEAP:-512m}
SKIP_BUILD=${SKIP_BUILD:-0}
PHASES=${PHASES:-relay,saturate,binding,hold}
SECRET=${SECRET:-bench-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')}
REALM=north.gov

JAR=${SERVER_JAR:-$ROOT/server/target/junction.jar}
CP=$ROOT/bench/target/classes:$ROOT/stun/target/classes
BENCH_JAR=$ROOT/bench/target/junction-bench.jar # RelayLoad needs Netty, which CP lacks
CLK_TCK=$(getconf CLK_TCK)

die() { echo "run-turn: $*" >&2; exit 1; }
log() { printf '[run-turn %(%H:%M:%S)T] %s\n' -1 "$*"; }
has_phase() { [[ ",$PHASES," == *",$1,"* ]]; }

for tool in turnserver turnutils_uclient turnutils_peer; do
  command -v "$tool" >/dev/null || die "$tool is missing: apt-get install -y coturn"
done
for tool in java curl ss stdbuf; do
  command -v "$tool" >/dev/null || die "$tool is missing"
done
command -v jcmd >/dev/null || die "jcmd is missing (a full JDK is needed to read the live heap)"
[[ ${BASH_VERSINFO[0]} -ge 5 ]] || die "bash 5 is needed (EPOCHREALTIME)"
(( ROUNDS >= 1 && ROUNDS <= 20 )) || die "ROUNDS must be 1..20"
(( HOLD_COUNT + 200 < $(ulimit -n) )) || die "HOLD_COUNT=$HOLD_COUNT needs more open files than ulimit -n $(ulimit -n)"
[[ $SAT_PIN == 0 || $SAT_PIN == 1 ]] || die "SAT_PIN must be 0 or 1"
if has_phase saturate && [[ $SAT_PIN == 1 ]]; then
  (($(nproc) >= 2)) || die "SAT_PIN=1 needs two cores, this machine has $(nproc)"
  command -v taskset >/dev/null || die "taskset is missing (util-linux); or SAT_PIN=0"
fi

if [[ $SKIP_BUILD != 1 ]]; then
  log "building server and bench"
  (cd "$ROOT" && ./mvnw -q -pl server,bench -am package -DskipTests)
fi
[[ -f $JAR && -d $ROOT/bench/target/classes/dev/junction/bench/turn ]] || die "build output missing"
if has_phase saturate; then [[ -f $BENCH_JAR ]] || die "build output missing: $BENCH_JAR"; fi

rm -rf "$OUT"
mkdir -p "$OUT"

# --- processes ----------------------------------------------------------------------------------
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"

stop() { # stop one process we started, by pid, and forget it (its pid may be reused later)
  local pid=$1 i keep=()
  for i in "${PIDS[@]}"; do [[ $i == "$pid" ]] || keep+=("$i"); done
  PIDS=("${keep[@]}")
  kill "$pid" 2>/dev/null || return 0
  for i in $(seq 1 50); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

port_in_use() { ss -Htuan "( sport = :$1 )" | grep -q .; }
USED_PORTS=" "
free_port() { # $1: variable to set; $2: ports in a row. Below the ephemeral (32768+) and relay (49152+) ranges
  local n=${2:-1} p i ok
  for _ in $(seq 1 200); do
    p=$((20000 + RANDOM % 12000))
    ok=1
    for ((i = 0; i < n; i++)); do
      if port_in_use $((p + i)) || [[ $USED_PORTS == *" $((p + i)) "* ]]; then ok=0; fi
    done
    if ((ok)); then
      for ((i = 0; i < n; i++)); do USED_PORTS+="$((p + i)) "; done
      printf -v "$1" '%s' "$p"
      return
    fi
  done
  die "no free port"
}

wait_udp() { # wait until something listens on UDP port $1 (bounded)
  local i
  for i in $(seq 1 100); do
    ss -Hluan "( sport = :$1 )" | grep -q . && return 0
    sleep 0.2
  done
  return 1
}

free_port JUNCTION_PORT
free_port HTTP_PORT
free_port COTURN_PORT 2 # coturn may also take the port above
free_port PEER_PORT
METRICS=http://127.0.0.1:$HTTP_PORT/metrics

start_junction() { # $1: log name
  java -Xmx"$JUNCTION_HEAP" -jar "$JAR" run --set http.host=127.0.0.1 --set http.port="$HTTP_PORT" \
    --set mdn.ownListener=false --set turn.listenHost=127.0.0.1 --set turn.port="$JUNCTION_PORT" \
    --set turn.relayAddress=127.0.0.1 --set turn.allowLoopbackPeers=true --set "turn.secrets=[\"$SECRET\"]" \
    --set turn.realm=$REALM --set turn.maxAllocationsPerUser=20000 --set turn.maxAllocations=20000 \
    --set turn.bandwidthBytesPerSecond=1000000000 --set turn.unauthenticatedPerIpPerSecond=100000 \
    >"$OUT/$1.log" 2>&1 &
  JUNCTION_PID=$!
  PIDS+=("$JUNCTION_PID")
  local i
  for i in $(seq 1 150); do
    kill -0 "$JUNCTION_PID" 2>/dev/null || die "junction exited at start; see $OUT/$1.log"
    curl -sf -o /dev/null "$METRICS" && wait_udp "$JUNCTION_PORT" && return 0
    sleep 0.2
  done
  die "junction did not start in 30 s; see $OUT/$1.log"
}

start_coturn() { # $1: log name
  turnserver -n -L 127.0.0.1 -E 127.0.0.1 --relay-ip=127.0.0.1 -p "$COTURN_PORT" --allow-loopback-peers \
    --use-auth-secret --static-auth-secret="$SECRET" --realm=$REALM --no-tls --no-dtls --no-cli \
    --log-file=stdout --min-port=49152 --max-port=65535 >"$OUT/$1.log" 2>&1 &
  COTURN_PID=$!
  PIDS+=("$COTURN_PID")
  wait_udp "$COTURN_PORT" || die "coturn did not start; see $OUT/$1.log"
  kill -0 "$COTURN_PID" 2>/dev/null || die "coturn exited at start; see $OUT/$1.log"
}

server_port() { [[ $1 == junction ]] && echo "$JUNCTION_PORT" || echo "$COTURN_PORT"; }
server_pid() { [[ $1 == junction ]] && echo "$JUNCTION_PID" || echo "$COTURN_PID"; }

# datagrams dropped because a receive buffer was full, summed over the sockets bound to port $1
drops() {
  local hex
  hex=$(printf '%04X' "$1")
  awk -v h=":$hex" '$2 ~ h"$" { s += $NF } END { print s + 0 }' /proc/net/udp /proc/net/udp6
}

COTURN_VERSION=$(dpkg-query -W -f='${Version}' coturn 2>/dev/null || echo unknown)
{
  echo "rounds=$ROUNDS"
  echo "cores=$(nproc)"
  echo "coturn.version=$COTURN_VERSION"
  echo "clk_tck=$CLK_TCK"
  echo "uc.clients=$UC_CLIENTS"
  echo "uc.messages=$UC_MESSAGES"
  echo "uc.length=$UC_LENGTH"
  echo "uc.interval=$UC_INTERVAL"
  echo "sat.clients=$SAT_CLIENTS"
  echo "sat.window=$SAT_WINDOW"
  echo "sat.length=$SAT_LENGTH"
  echo "sat.seconds=$SAT_SECONDS"
  echo "sat.warmup=$SAT_WARMUP"
  echo "sat.pin=$SAT_PIN"
  echo "binding.seconds=$BINDING_SECONDS"
  echo "binding.warmup=$BINDING_WARMUP"
  echo "hold.count=$HOLD_COUNT"
  echo "hold.concurrency=$HOLD_CONCURRENCY"
  echo "hold.local_host=$HOLD_LOCAL_HOST"
  echo "junction.heap=$JUNCTION_HEAP"
  echo "ports=junction $JUNCTION_PORT, http $HTTP_PORT, coturn $COTURN_PORT, peer $PEER_PORT"
} >"$OUT/params.txt"

# --- relay --------------------------------------------------------------------------------------
uclient() { # $1 server, $2 messages, $3 output base name; prints the client's output time-stamped
  local server=$1 messages=$2 base=$3 port pid status
  port=$(server_port "$server")
  pid=$(server_pid "$server")
  {
    echo "stat.before=$(cat /proc/"$pid"/stat)"
    echo "drops.server.before=$(drops "$port")"
    echo "drops.peer.before=$(drops "$PEER_PORT")"
  } >"$OUT/$base.txt"
  set +e
  timeout "$UC_TIMEOUT" stdbuf -oL -eL turnutils_uclient -e 127.0.0.1 -r "$PEER_PORT" -X -g -c \
    -u bench -W "$SECRET" -m "$UC_CLIENTS" -n "$messages" -l "$UC_LENGTH" -z "$UC_INTERVAL" -p "$port" 127.0.0.1 2>&1 |
    while IFS= read -r line; do printf '%s %s\n' "$EPOCHREALTIME" "$line"; done >"$OUT/$base.log"
  status=${PIPESTATUS[0]}
  set -e
  {
    echo "stat.after=$(cat /proc/"$pid"/stat)"
    echo "drops.server.after=$(drops "$port")"
    echo "drops.peer.after=$(drops "$PEER_PORT")"
    echo "status=$status"
  } >>"$OUT/$base.txt"
  kill -0 "$pid" 2>/dev/null || die "$server died during $base"
  log "  $base: exit $status, $(grep -o 'tot_send_msgs=[0-9]*, tot_recv_msgs=[0-9]*$' "$OUT/$base.log" | tail -1), $(grep -o 'Total lost packets [0-9]*' "$OUT/$base.log" || echo 'no loss line')"
}

binding() { # $1 server, $2 output base name
  local server=$1 base=$2
  java -Xmx256m -cp "$CP" dev.junction.bench.turn.BindingLoad --port "$(server_port "$server")" \
    --sockets "$BINDING_SOCKETS" --window "$BINDING_WINDOW" --warmup "$BINDING_WARMUP" --seconds "$BINDING_SECONDS" \
    --server-pid "$(server_pid "$server")" --clk-tck "$CLK_TCK" >"$OUT/$base.txt" 2>&1 ||
    die "BindingLoad failed against $server: $(tail -3 "$OUT/$base.txt")"
  log "  $base: $(head -1 "$OUT/$base.txt")"
}

# Pins every thread of the server under test to a CPU list (taskset -a): a thread inherits the
# affinity of the thread that starts it, but the JVM starts threads as it goes (compiler, GC), so
# this runs right before each run. A thread that ends while taskset walks them fails it: try again.
pin() { # $1 pid, $2 CPU list
  for _ in 1 2 3; do
    taskset -a -pc "$2" "$1" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  die "could not set the CPU affinity of pid $1 to $2: $(taskset -a -pc "$2" "$1" 2>&1 >/dev/null)"
}

saturate() { # $1 server, $2 output base name
  local server=$1 base=$2 pid status generator=()
  pid=$(server_pid "$server")
  if [[ $SAT_PIN == 1 ]]; then
    pin "$pid" 0
    generator=(taskset -c 1)
  fi
  set +e
  # RelayLoad ends on its own (a setup request gives up after 6 attempts); the bound is for a hang
  timeout $((SAT_WARMUP + SAT_SECONDS + 60)) "${generator[@]}" java -Xmx256m -cp "$BENCH_JAR" \
    dev.junction.bench.turn.RelayLoad --port "$(server_port "$server")" --secret "$SECRET" \
    --clients "$SAT_CLIENTS" --window "$SAT_WINDOW" --length "$SAT_LENGTH" --warmup "$SAT_WARMUP" \
    --seconds "$SAT_SECONDS" --server-pid "$pid" --clk-tck "$CLK_TCK" >"$OUT/$base.txt" 2>&1
  status=$?
  set -e
  kill -0 "$pid" 2>/dev/null || die "$server died during $base"
  if [[ $SAT_PIN == 1 ]]; then pin "$pid" "0-$(($(nproc) - 1))"; fi
  ((status == 0)) || die "RelayLoad failed against $server (exit $status): $(tail -3 "$OUT/$base.txt")"
  log "  $base: $(grep -m1 '^Relay ' "$OUT/$base.txt")" # the jar's SLF4J notices come first
}

if has_phase relay || has_phase saturate || has_phase binding; then
  turnutils_peer -L 127.0.0.1 -p "$PEER_PORT" >"$OUT/peer.log" 2>&1 &
  PEER_PID=$!
  PIDS+=("$PEER_PID")
  wait_udp "$PEER_PORT" || die "turnutils_peer did not start"
  log "starting junction (udp/tcp $JUNCTION_PORT, http $HTTP_PORT) and coturn $COTURN_VERSION (udp/tcp $COTURN_PORT); echo peer $PEER_PORT"
  start_junction junction
  start_coturn coturn
  if has_phase saturate; then
    pinning="server on CPU 0, generator on CPU 1"
    [[ $SAT_PIN == 1 ]] || pinning="nothing pinned"
    log "saturate: $SAT_CLIENTS clients x $SAT_WINDOW in flight x $SAT_LENGTH bytes, $SAT_SECONDS s after $SAT_WARMUP s warmup; $pinning"
  fi
  if has_phase relay; then
    log "warmup: $UC_CLIENTS clients x $UC_WARMUP_MESSAGES messages through each server (not counted)"
    uclient junction "$UC_WARMUP_MESSAGES" warmup-junction
    uclient coturn "$UC_WARMUP_MESSAGES" warmup-coturn
  fi
  for r in $(seq 1 "$ROUNDS"); do
    if ((r % 2 == 1)); then order=(junction coturn); else order=(coturn junction); fi
    echo "round.$r.first=${order[0]}" >>"$OUT/params.txt"
    log "round $r of $ROUNDS (${order[0]} first)"
    if has_phase relay; then
      for s in "${order[@]}"; do uclient "$s" "$UC_MESSAGES" "relay-r$r-$s"; done
    fi
    if has_phase saturate; then
      for s in "${order[@]}"; do saturate "$s" "saturate-r$r-$s"; done
    fi
    if has_phase binding; then
      for s in "${order[@]}"; do binding "$s" "binding-r$r-$s"; done
    fi
  done
  stop "$JUNCTION_PID"
  stop "$COTURN_PID"
  stop "$PEER_PID"
fi

# --- allocations held ---------------------------------------------------------------------------
rss_kib() { awk '/^VmRSS:/ { print $2 }' /proc/"$1"/status; }

hold() { # $1 server; the server was just started
  local server=$1 pid gen i
  pid=$(server_pid "$server")
  sleep 2
  if [[ $server == junction ]]; then
    jcmd "$pid" GC.run >/dev/null
    sleep 1
    curl -sf "$METRICS" >"$OUT/hold-$server-baseline.prom"
  fi
  echo "rss.baseline_kib=$(rss_kib "$pid")" >"$OUT/hold-$server-rss.txt"
  local metrics=()
  [[ $server == junction ]] && metrics=(--metrics "$METRICS")
  java -Xmx512m -cp "$CP" dev.junction.bench.turn.AllocationHold --port "$(server_port "$server")" \
    --secret "$SECRET" --count "$HOLD_COUNT" --concurrency "$HOLD_CONCURRENCY" --local-host "$HOLD_LOCAL_HOST" \
    --server-pid "$pid" \
    "${metrics[@]}" --hold-seconds 120 >"$OUT/hold-$server.txt" 2>&1 &
  gen=$!
  PIDS+=("$gen")
  for i in $(seq 1 2400); do # AllocationHold gives up after 180 s on its own
    grep -q '^hold.holding=' "$OUT/hold-$server.txt" && break
    kill -0 "$gen" 2>/dev/null || die "AllocationHold failed against $server: $(tail -5 "$OUT/hold-$server.txt")"
    sleep 0.1
  done
  grep -q '^hold.holding=' "$OUT/hold-$server.txt" || die "AllocationHold did not finish against $server"
  if [[ $server == junction ]]; then
    jcmd "$pid" GC.run >/dev/null
    sleep 1
    curl -sf "$METRICS" >"$OUT/hold-$server-gc.prom"
  fi
  echo "rss.gc_kib=$(rss_kib "$pid")" >>"$OUT/hold-$server-rss.txt"
  kill -0 "$pid" 2>/dev/null || die "$server died while holding allocations"
  log "  $(head -1 "$OUT/hold-$server.txt")"
  stop "$gen"
}

if has_phase hold; then
  log "allocations held: $HOLD_COUNT on a fresh junction (-Xmx$JUNCTION_HEAP)"
  start_junction junction-hold
  hold junction
  stop "$JUNCTION_PID"
  if [[ $HOLD_COTURN == 1 ]]; then
    log "allocations held: $HOLD_COUNT on a fresh coturn"
    start_coturn coturn-hold
    hold coturn
    stop "$COTURN_PID"
  fi
fi

# --- summary ------------------------------------------------------------------------------------
echo
java -cp "$CP" dev.junction.bench.turn.TurnSummary --dir "$OUT" | tee "$OUT/summary.txt"
echo "(outputs in $OUT)"
