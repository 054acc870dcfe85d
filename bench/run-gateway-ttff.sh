#!/usr/bin/env bash
# Camera gateway time to first frame: headless Chromium, from the answer PATCH to the first frame
# its <video> presents, with the GOP cache on and off, for a keyframe every 2 s and every 10 s.
#
#   bench/run-gateway-ttff.sh                 # build, then 4 configurations x (1 warmup + 10 runs)
#   RUNS=20 KEYINTS="50 250" bench/run-gateway-ttff.sh
#
# For each keyframe interval a 2 Mbit/s camera is made with tools/make-demo-clip.sh; for each GOP
# cache setting (gateway.gopCache) Junction is started afresh on free loopback ports and
# dev.junction.bench.gateway.FirstFrame drives one Chromium through RUNS viewer starts on the
# gateway's own origin. Without the cache a viewer waits for the next keyframe, as MediaMTX's do.
# Outputs: bench/target/run-gateway-ttff/ (each configuration's runs and server log, summary.txt).
set -euo pipefail

RUNS=${RUNS:-10}
WARMUP=${WARMUP:-1}
KEYINTS=${KEYINTS:-50 250}
FPS=25
BITRATE=${BITRATE:-2000k}
SIZE=${SIZE:-1280x720}
CLIP_SECONDS=${CLIP_SECONDS:-20}
SKIP_BUILD=${SKIP_BUILD:-0}

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=${OUT:-$ROOT/bench/target/run-gateway-ttff}
mkdir -p "$OUT"
rm -f "$OUT"/ttff-*.txt "$OUT"/server-*.log "$OUT"/summary.txt

log() { printf '%s\n' "$*" >&2; }
die() { log "run-gateway-ttff: $*"; exit 1; }
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
# shellcheck source=bench/gateway-lib.sh
source "$ROOT/bench/gateway-lib.sh"

for tool in java curl ffmpeg /usr/bin/python3 /usr/bin/chromium /usr/bin/chromedriver; do
  command -v "$tool" >/dev/null || die "needs $tool (chromium and chromium-driver are Debian packages)"
done

if [[ "$SKIP_BUILD" != 1 ]]; then
  log "building server and bench ..."
  (cd "$ROOT" && ./mvnw -q -pl server,bench -am package -DskipTests)
fi
[[ -f "$BENCH_JAR" && -f "$SERVER_JAR" ]] || die "$BENCH_JAR or $SERVER_JAR missing (build failed?)"

LABELS=()
for keyint in $KEYINTS; do
  clip=$(make_clip "$BITRATE" "$SIZE" "$keyint" "$CLIP_SECONDS")
  for cache in true false; do
    label="k$keyint-cache-$([[ $cache == true ]] && echo on || echo off)"
    LABELS+=("$label")
    start_gateway "$(write_config "$clip" "$cache")" "$OUT/server-$label.log"
    log "== $label: gateway pid $SERVER_PID on http $HTTP_PORT; keyframe every $keyint frames, gopCache=$cache"
    java -cp "$BENCH_JAR" dev.junction.bench.gateway.FirstFrame --origin "http://127.0.0.1:$HTTP_PORT" \
      --camera "$GATEWAY_CAMERA_ID" --password "$GATEWAY_PASSWORD" --runs "$RUNS" --warmup "$WARMUP" \
      --keyframe-seconds "$(awk -v k="$keyint" -v f="$FPS" 'BEGIN {print k / f}')" --label "$label" \
      2> >(grep -v '^SLF4J' >&2) | tee "$OUT/ttff-$label.txt" >&2 || true
    stop_gateway
  done
done

{
  echo
  echo "Camera gateway time to first frame: headless Chromium $(/usr/bin/chromium --version 2>/dev/null | awk '{print $2}'), $SIZE H.264 at $BITRATE, $FPS fps"
  echo "from the answer PATCH (performance.now() in the page) to the first frame the <video> presents; $RUNS runs after $WARMUP warmup, each starting at a point of the GOP spread by a golden-ratio sequence"
  echo "machine: $(nproc) cores, $(date -u +%Y-%m-%d); p90 = nearest rank; ICE/DTLS = medians of PATCH to ICE and to DTLS connected"
  printf '%-16s %5s %10s %8s %8s %8s %8s %8s\n' config runs "median ms" "p90 ms" "min ms" "max ms" "ICE ms" "DTLS ms"
  for label in "${LABELS[@]}"; do
    f="$OUT/ttff-$label.txt"
    if [[ "$(result_field "$f" "$label" ok)" != true ]]; then
      printf '%-16s no result\n' "$label"
      continue
    fi
    printf '%-16s %5s %10.0f %8.0f %8.0f %8.0f %8.0f %8.0f\n' "$label" "$(result_field "$f" "$label" runs)" \
      "$(result_field "$f" "$label" median_ms)" "$(result_field "$f" "$label" p90_ms)" \
      "$(result_field "$f" "$label" min_ms)" "$(result_field "$f" "$label" max_ms)" \
      "$(result_field "$f" "$label" ice_median_ms)" "$(result_field "$f" "$label" dtls_median_ms)"
  done
} | tee "$OUT/summary.txt"
