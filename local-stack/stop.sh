#!/usr/bin/env bash
# Stops the processes start.sh recorded for STACK_NAME (default "dev"), by PID, never by name.
set -uo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
run="$here/run/${STACK_NAME:-dev}"

stop_pid() {
  local name="$1" pidfile="$2" pid
  pid="$(cat "$pidfile")"
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null
    for _ in $(seq 1 40); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.25
    done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null
    echo "stopped $name (pid $pid)"
  else
    # It died before anyone asked it to: say so, with its last words, so a failed run shows why.
    local log="$here/logs/${STACK_NAME:-dev}/$name.log"
    echo "$name (pid $pid) had already exited; last lines of $log:" >&2
    [[ -f "$log" ]] && tail -n 30 "$log" >&2
  fi
  rm -f "$pidfile"
}

shopt -s nullglob
for pidfile in "$run"/*.pid; do
  stop_pid "$(basename "$pidfile" .pid)" "$pidfile"
done
