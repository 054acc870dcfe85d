# Shared by the bench scripts (sourced, not run): every process a script starts is remembered
# in PIDS and killed when the script exits, whether it ends, fails or is interrupted.
PIDS=()
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
  node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

wait_healthy() { # url pid seconds
  local url=$1 pid=$2 deadline=$((SECONDS + $3))
  while ((SECONDS < deadline)); do
    kill -0 "$pid" 2>/dev/null || return 1
    curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null && return 0
    sleep 0.2
  done
  return 1
}

SERVER_PID=
SERVER_PORT=
# Starts NAME on a free loopback port and waits for /healthz: "junction" is the server jar
# (SERVER_JAR, with the per-connection limits lifted: the peers have none; further arguments are
# added to its command line, e.g. --set turn.enabled=true, and win over these defaults), anything
# else the Node peer script given. Sets SERVER_PID and SERVER_PORT; logs go to $OUT/NAME-PORT.log.
start_server() { # name [node-script | junction's extra options...]
  local name=$1
  shift
  SERVER_PORT=$(free_port)
  case "$name" in
    junction)
      java -Xmx1g -jar "$SERVER_JAR" run --set "http.port=$SERVER_PORT" --set mdn.ownListener=false \
        --set signaling.messagesPerSecond=1000000 --set signaling.messageBurst=1000000 \
        --set signaling.bytesPerSecond=1000000000 --set signaling.byteBurst=1000000000 \
        --set signaling.maxConnectionsPerIp=100000 --set turn.enabled=false --set gateway.enabled=false "$@" >"$OUT/$name-$SERVER_PORT.log" 2>&1 &
      ;;
    *)
      node "$1" "$SERVER_PORT" >"$OUT/$name-$SERVER_PORT.log" 2>&1 &
      ;;
  esac
  SERVER_PID=$!
  PIDS+=("$SERVER_PID")
  wait_healthy "http://127.0.0.1:$SERVER_PORT/healthz" "$SERVER_PID" 60 \
    || { tail -20 "$OUT/$name-$SERVER_PORT.log" >&2; die "$name did not become healthy on port $SERVER_PORT"; }
}

stop_server() {
  kill "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
}
