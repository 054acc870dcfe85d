# Shared by the camera gateway benchmarks (sourced after lib.sh, not run): the camera clip, the
# gateway's configuration, and starting and stopping Junction with it on free loopback ports.
# Expects ROOT (the repository), OUT (the work directory) and die() from the sourcing script.

GATEWAY_CAMERA_ID=6f1c2a3b-4d5e-4f60-8a71-92b3c4d5e6f7
GATEWAY_PASSWORD=bench-password
SERVER_JAR=${SERVER_JAR:-$ROOT/server/target/junction.jar}  # another build can be measured the same way
BENCH_JAR=$ROOT/bench/target/junction-bench.jar

# A free port of the kind asked for (tcp or udp) on 127.0.0.1, as the kernel picks one.
free_port() { # tcp|udp
  /usr/bin/python3 - "$1" <<'PY'
import socket, sys
kind = socket.SOCK_STREAM if sys.argv[1] == "tcp" else socket.SOCK_DGRAM
s = socket.socket(socket.AF_INET, kind)
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
PY
}

# A camera clip: H.264 Annex B from tools/make-demo-clip.sh, made once per set of options.
make_clip() { # bitrate size keyint seconds -> prints the path
  local file="$OUT/camera-$1-$2-k$3-$4s.h264"
  if [[ ! -s "$file" ]]; then
    "$ROOT/tools/make-demo-clip.sh" --bitrate "$1" --size "$2" --keyint "$3" --seconds "$4" "$file" >&2
  fi
  echo "$file"
}

# The gateway under test: only it (no TURN, no MDN listener), loopback only, the clip as its one
# camera, the limits on sessions raised above any load here.
write_config() { # clip gopCache(true|false) -> prints the path
  local file="$OUT/junction-gateway.yml"
  cat >"$file" <<YML
http:
  host: 127.0.0.1
mdn:
  ownListener: false
turn:
  enabled: false
gateway:
  gopCache: $2
  media:
    host: 127.0.0.1
    announcedAddresses: ["127.0.0.1"]
  maxSessions: 20000
  maxSessionsPerUser: 20000
  sessionsPerMinutePerUser: 1000000
  cameras:
    - id: $GATEWAY_CAMERA_ID
      name: Bench camera
      source: $1
      framesPerSecond: 25
  devUser:
    password: $GATEWAY_PASSWORD
  tokens:
    keyFile: $OUT/gateway-token-key
YML
  echo "$file"
}

SERVER_PID=
HTTP_PORT=
MEDIA_PORT=
# Starts Junction with a config file; extra JVM options in SERVER_JAVA_OPTS.
start_gateway() { # config log
  HTTP_PORT=$(free_port tcp)
  MEDIA_PORT=$(free_port udp)
  # shellcheck disable=SC2086
  java ${SERVER_JAVA_OPTS:-} -jar "$SERVER_JAR" run --config "$1" --set "http.port=$HTTP_PORT" \
    --set "gateway.media.port=$MEDIA_PORT" >"$2" 2>&1 &
  SERVER_PID=$!
  PIDS+=("$SERVER_PID")
  local deadline=$((SECONDS + 60))
  while ((SECONDS < deadline)); do
    kill -0 "$SERVER_PID" 2>/dev/null || { tail -20 "$2" >&2; die "Junction exited during start-up"; }
    curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$HTTP_PORT/healthz" 2>/dev/null && return 0
    sleep 0.2
  done
  tail -20 "$2" >&2
  die "Junction did not become healthy on port $HTTP_PORT"
}

# SIGTERM, then SIGKILL after 15 s: an overloaded gateway can be too deep in GC to shut down.
stop_gateway() {
  kill "$SERVER_PID" 2>/dev/null || true
  local deadline=$((SECONDS + 15))
  while kill -0 "$SERVER_PID" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.5; done
  kill -9 "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
}

# RESULT lines are "RESULT key=value ..."; field FILE LABEL KEY prints one value of that label's line.
result_field() {
  grep "^RESULT label=$2 " "$1" | tail -1 | tr ' ' '\n' | sed -n "s/^$3=//p"
}

# CPU seconds of a process's threads over its life, summed by thread name without its number
# (junction-dtls-3 counts as junction-dtls), from /proc/PID/task/*/stat; groups under 0.5 s left out.
thread_cpu() { # pid
  cat /proc/"$1"/task/*/stat 2>/dev/null | awk -v tck="$(getconf CLK_TCK)" '{
      name = substr($0, index($0, "(") + 1); name = substr(name, 1, index(name, ")") - 1)
      sub(/[-#]?[0-9]+$/, "", name)
      split(substr($0, index($0, ")") + 2), f, " ")   # f[12], f[13]: utime, stime (proc(5) fields 14, 15)
      cpu[name] += (f[12] + f[13]) / tck
    }
    END { for (n in cpu) if (cpu[n] >= 0.5) printf "%8.1f s  %s\n", cpu[n], n }' | sort -rn
}
