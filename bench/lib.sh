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
