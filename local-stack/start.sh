#!/usr/bin/env bash
# Starts the local stack on loopback: dynalite (DynamoDB), fauxqs (SNS/SQS) and the local Temporal
# server, waits until each answers, and records their PIDs under local-stack/run/.
#
#   local-stack/start.sh            data kept under local-stack/data/ (git-ignored)
#   local-stack/start.sh --memory   everything in memory, as the tests want
#
# Ports come from the environment: DYNALITE_PORT (8000), FAUXQS_PORT (4566), TEMPORAL_PORT (7233).
# STACK_NAME (default "dev") keeps the PID files of two stacks apart, e.g. a test stack beside a
# running dev stack. Set SKIP_TEMPORAL=1 when something else provides Temporal.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
memory=false
[[ "${1:-}" == "--memory" ]] && memory=true

stack="${STACK_NAME:-dev}"
run="$here/run/$stack"
logs="$here/logs/$stack"
mkdir -p "$run" "$logs"

dynalite_port="${DYNALITE_PORT:-8000}"
fauxqs_port="${FAUXQS_PORT:-4566}"
temporal_port="${TEMPORAL_PORT:-7233}"

# shellcheck source=local-stack/lib.sh
source "$here/lib.sh"

install_emulators() {
  # npm ci is exact and reproducible; skip it when the lockfile has not changed since the last one.
  local stamp="$here/node_modules/.orderflow-lock"
  if [[ ! -f "$stamp" ]] || ! cmp -s "$here/package-lock.json" "$stamp"; then
    echo "installing emulators (npm ci)"
    (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
    cp "$here/package-lock.json" "$stamp"
  fi
}

start_dynalite() {
  local args=(--host 127.0.0.1 --port "$dynalite_port" --createTableMs 0 --deleteTableMs 0 --updateTableMs 0)
  if [[ "$memory" == false ]]; then
    mkdir -p "$here/data/dynalite"
    args+=(--path "$here/data/dynalite")
  fi
  start_process dynalite "$dynalite_port" node --require "$here/survive-request-errors.cjs" \
    "$here/node_modules/dynalite/cli.js" "${args[@]}"
}

start_fauxqs() {
  # fauxqs binds every interface and cannot be told otherwise (docs/architecture.md, known gaps).
  FAUXQS_PORT="$fauxqs_port" FAUXQS_HOST=127.0.0.1 FAUXQS_LOGGER=true \
    start_process fauxqs "$fauxqs_port" node "$here/node_modules/fauxqs/dist/cli.js"
}

start_temporal() {
  local classpath="$here/run/temporal.classpath"
  if [[ ! -f "$classpath" || "$root/workers/pom.xml" -nt "$classpath" || ! -d "$root/workers/target/classes" ]]; then
    echo "building the local Temporal server launcher"
    (cd "$root" && mvn -B -q -pl workers -am install -DskipTests -Dspotless.check.skip=true)
    (cd "$root/workers" && mvn -B -q dependency:build-classpath -Dmdep.outputFile="$classpath")
  fi
  start_process temporal "$temporal_port" java -cp "$root/workers/target/classes:$(cat "$classpath")" \
    io.orderflow.workers.temporal.LocalTemporalServer "$temporal_port" 127.0.0.1
}

install_emulators
start_dynalite
start_fauxqs
[[ "${SKIP_TEMPORAL:-0}" == 1 ]] || start_temporal

echo "local stack '$stack' is up:"
echo "  DynamoDB (dynalite)  http://127.0.0.1:$dynalite_port $([[ $memory == true ]] && echo '(in memory)' || echo "(data in local-stack/data/dynalite)")"
echo "  SNS/SQS (fauxqs)     http://127.0.0.1:$fauxqs_port  (requests logged to local-stack/logs/$stack/fauxqs.log)"
[[ "${SKIP_TEMPORAL:-0}" == 1 ]] || echo "  Temporal             127.0.0.1:$temporal_port  (log: local-stack/logs/$stack/temporal.log)"
echo "  stop with: STACK_NAME=$stack local-stack/stop.sh"
