# Helpers for start.sh: start a process in the background, remember its PID, wait for its port.
# Expects $run and $logs to be set by the caller.

port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

start_process() {
  local name="$1" port="$2"
  shift 2
  local pidfile="$run/$name.pid"
  if [[ -f "$pidfile" ]] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    echo "$name already running (pid $(cat "$pidfile"))"
    return 0
  fi
  if port_open "$port"; then
    echo "error: port $port is taken by another process; $name cannot start" >&2
    exit 1
  fi
  nohup "$@" >"$logs/$name.log" 2>&1 &
  echo $! >"$pidfile"
  for _ in $(seq 1 240); do
    if port_open "$port"; then
      echo "$name up on 127.0.0.1:$port (pid $(cat "$pidfile"))"
      return 0
    fi
    if ! kill -0 "$(cat "$pidfile")" 2>/dev/null; then
      echo "error: $name exited during start; last lines of $logs/$name.log:" >&2
      tail -n 20 "$logs/$name.log" >&2
      rm -f "$pidfile"
      exit 1
    fi
    sleep 0.25
  done
  echo "error: $name did not answer on port $port within 60 s" >&2
  exit 1
}
