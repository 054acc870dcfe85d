#!/usr/bin/env bash
# Camera gateway fan-out benchmark: N lightweight viewers of one 2 Mbit/s camera, added in steps.
#
#   bench/run-gateway-fanout.sh                          # build, then 100,200,300,500,700 viewers
#   STEPS=500,700,900 SECONDS_MEASURE=30 bench/run-gateway-fanout.sh
#   PROFILE=jfr bench/run-gateway-fanout.sh              # also record the gateway with JFR
#
# Makes the camera with tools/make-demo-clip.sh (BITRATE, SIZE, KEYINT), starts Junction with only
# the gateway on free loopback ports, and runs dev.junction.bench.gateway.FanoutLoad against it:
# each step adds viewers (REST session, answer, ICE, DTLS, SRTP; no decoding) until the step's
# count, lets them settle, measures a window, and prints loss, delay and CPU. A step passes with no
# packet lost and a p99 delay under MAX_DELAY_MS (a gateway short of CPU queues instead of dropping,
# so its viewers fall behind live); the ramp stops at the first step that fails unless
# STOP_AFTER_LOSS=false. Loopback only; everything started is stopped.
# Outputs: bench/target/run-gateway-fanout/ (fanout.txt, server.log, summary.txt, server.jfr).
set -euo pipefail

STEPS=${STEPS:-100,200,300,500,700}
SECONDS_MEASURE=${SECONDS_MEASURE:-20}
SETTLE=${SETTLE:-5}
BITRATE=${BITRATE:-2000k}
SIZE=${SIZE:-1280x720}
KEYINT=${KEYINT:-50}
CLIP_SECONDS=${CLIP_SECONDS:-20}
PARALLEL=${PARALLEL:-4}       # viewers setting up at once
EVENT_LOOPS=${EVENT_LOOPS:-2}
HANDSHAKE_THREADS=${HANDSHAKE_THREADS:-2}
STOP_AFTER_LOSS=${STOP_AFTER_LOSS:-true}
MAX_DELAY_MS=${MAX_DELAY_MS:-500}
SERVER_HEAP=${SERVER_HEAP:-1g}
PROFILE=${PROFILE:-none}
SKIP_BUILD=${SKIP_BUILD:-0}

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=${OUT:-$ROOT/bench/target/run-gateway-fanout}
mkdir -p "$OUT"
rm -f "$OUT"/fanout.txt "$OUT"/server.log "$OUT"/summary.txt "$OUT"/server.jfr

log() { printf '%s\n' "$*" >&2; }
die() { log "run-gateway-fanout: $*"; exit 1; }
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
# shellcheck source=bench/gateway-lib.sh
source "$ROOT/bench/gateway-lib.sh"

for tool in java curl ffmpeg /usr/bin/python3; do
  command -v "$tool" >/dev/null || die "needs $tool"
done
# Two sockets per viewer are nothing, but keep the limit clear of the largest ramp.
ulimit -n 65536 2>/dev/null || true

if [[ "$SKIP_BUILD" != 1 ]]; then
  log "building server and bench ..."
  (cd "$ROOT" && ./mvnw -q -pl server,bench -am package -DskipTests)
fi
[[ -f "$BENCH_JAR" && -f "$SERVER_JAR" ]] || die "$BENCH_JAR or $SERVER_JAR missing (build failed?)"

CLIP=$(make_clip "$BITRATE" "$SIZE" "$KEYINT" "$CLIP_SECONDS")
CLIP_KBPS=$(( $(stat -c %s "$CLIP") * 8 / CLIP_SECONDS / 1000 ))
SERVER_JAVA_OPTS="-Xmx$SERVER_HEAP"
if [[ "$PROFILE" == jfr ]]; then
  SERVER_JAVA_OPTS+=" -XX:StartFlightRecording=filename=$OUT/server.jfr,settings=profile"
fi
start_gateway "$(write_config "$CLIP" true)" "$OUT/server.log"
log "== gateway pid $SERVER_PID on http $HTTP_PORT, media udp $MEDIA_PORT; camera $CLIP ($CLIP_KBPS kbit/s)"

java -cp "$BENCH_JAR" dev.junction.bench.gateway.FanoutLoad --api "http://127.0.0.1:$HTTP_PORT/api" \
  --camera "$GATEWAY_CAMERA_ID" --password "$GATEWAY_PASSWORD" --steps "$STEPS" --settle "$SETTLE" \
  --seconds "$SECONDS_MEASURE" --parallel "$PARALLEL" --event-loops "$EVENT_LOOPS" \
  --handshake-threads "$HANDSHAKE_THREADS" --server-pid "$SERVER_PID" --media-port "$MEDIA_PORT" \
  --clk-tck "$(getconf CLK_TCK)" --stop-after-loss "$STOP_AFTER_LOSS" --max-delay-ms "$MAX_DELAY_MS" 2> >(grep -v '^SLF4J' >&2) \
  | tee "$OUT/fanout.txt" >&2 || true
kill -0 "$SERVER_PID" 2>/dev/null || log "!! the gateway died during the run"
thread_cpu "$SERVER_PID" >"$OUT/server-threads.txt"
stop_gateway

# ---- table ------------------------------------------------------------------------------------------
{
  echo
  echo "Camera gateway fan-out: one camera, $SIZE H.264 at $CLIP_KBPS kbit/s (keyframe every $KEYINT frames, 25 fps), N viewers"
  echo "machine: $(nproc) cores, $(date -u +%Y-%m-%d), load generator on the same cores; ${SECONDS_MEASURE}s window after ${SETTLE}s settle per step"
  echo "pass = no loss and p99 delay <= ${MAX_DELAY_MS} ms; lost = sequence gaps at the viewers over the whole step (joins included);"
  echo "delay = p99 / max above each viewer's best; drops = kernel drops at the viewers' and the media port's sockets;"
  echo "cpu/viewer = % of one core per viewer; us/pkt = server CPU per packet sent; others = other programs' cores"
  printf '%-7s %-6s %6s %6s %8s %7s %11s %9s %9s %7s %9s %7s %6s %6s\n' viewers pass joined lost "kpkt/s" "Mbit/s" \
    "delay ms" "srv cores" "cpu/view" "us/pkt" "gen cores" drops others irq
  IFS=, read -ra steps <<<"$STEPS"
  for n in "${steps[@]}"; do
    f="$OUT/fanout.txt" l="fanout-$n"
    grep -q "^RESULT label=$l " "$f" 2>/dev/null || continue
    printf '%-7s %-6s %6s %6s %8.1f %7.0f %11s %9s %8s%% %7s %9s %7s %6s %6s\n' "$n" \
      "$(result_field "$f" "$l" passed)" "$(result_field "$f" "$l" connected)" "$(result_field "$f" "$l" step_lost)" \
      "$(awk -v v="$(result_field "$f" "$l" pkt_per_s)" 'BEGIN {print v / 1000}')" "$(result_field "$f" "$l" mbit_per_s)" \
      "$(printf '%.0f / %.0f' "$(result_field "$f" "$l" delay_p99_ms)" "$(result_field "$f" "$l" delay_max_ms)")" \
      "$(result_field "$f" "$l" server_cores)" "$(result_field "$f" "$l" server_core_pct_per_viewer)" \
      "$(result_field "$f" "$l" server_us_per_packet)" "$(result_field "$f" "$l" client_cores)" \
      "$(( $(result_field "$f" "$l" viewer_socket_drops) + $(result_field "$f" "$l" server_socket_drops) ))" \
      "$(result_field "$f" "$l" other_cores)" "$(result_field "$f" "$l" irq_cores)"
  done
  passed=$(grep '^SUMMARY' "$OUT/fanout.txt" | tr ' ' '\n' | sed -n 's/^largest_passed_step=//p')
  lossless=$(grep '^SUMMARY' "$OUT/fanout.txt" | tr ' ' '\n' | sed -n 's/^largest_lossless_step=//p')
  echo "largest step that passed: ${passed:-none}; largest step without loss: ${lossless:-none}"
  echo "DTLS handshakes that failed at the gateway (server log): $(grep -c "DTLS failed" "$OUT/server.log" || true)"
  echo "gateway CPU by thread over the whole run (junction-dtls: the handshake workers):"
  cat "$OUT/server-threads.txt"
} | tee "$OUT/summary.txt"
