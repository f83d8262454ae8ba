#!/usr/bin/env bash
# Durability of the embedded database: start the jar as the README's first command does (only the port and a fresh
# data directory are set), kill -9 the JVM (its embedded postmaster is left running), start again on the same data
# directory: it must become UP again and the sample must not be loaded twice.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

[ -f "$JAR" ] || { echo "FAIL durability: $JAR is missing (run ./mvnw verify first)"; exit 1; }
WORK="$(mktemp -d /tmp/capuy-ci-durability.XXXXXX)"
DATA="$WORK/data"
PORT="$(free_port)"
APP_PID=""

cleanup() {
  [ -n "$APP_PID" ] && stop_jvm "$APP_PID"
  # A postmaster left on our own data directory (only this one, by its pid).
  if [ -f "$DATA/pg/postmaster.pid" ]; then
    local pg
    pg="$(head -n 1 "$DATA/pg/postmaster.pid")"
    if [ -n "$pg" ] && [ "$(readlink "/proc/$pg/cwd" 2>/dev/null)" = "$DATA/pg" ]; then
      kill "$pg" 2>/dev/null || true
      for _ in $(seq 1 30); do kill -0 "$pg" 2>/dev/null || break; sleep 1; done
    fi
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 143' TERM INT
fail() { echo "FAIL durability: $*"; [ -f "$WORK/app.log" ] && tail -n 40 "$WORK/app.log"; exit 1; }

start_app() {
  (cd "$WORK" && SERVER_PORT="$PORT" exec java -jar "$JAR" "--capuy.data-dir=$DATA" >>"$WORK/app.log" 2>&1) &
  APP_PID=$!
}

organizations() {
  local body
  body="$(curl -s --max-time 30 -u admin:demo "http://127.0.0.1:$PORT/api/v1/organizations?asOf=2012-10-31")"
  json_number "$body" total
}

log "first start on 127.0.0.1:$PORT with data in $DATA"
start_app
wait_up "$PORT" "$APP_PID" 300 || fail "the first start did not become UP"
BEFORE="$(organizations)"
[ -n "$BEFORE" ] && [ "$BEFORE" -gt 0 ] || fail "no organisations over the API on 2012-10-31 (got '${BEFORE}')"
log "organisations on 2012-10-31: $BEFORE"

ORPHAN="$(head -n 1 "$DATA/pg/postmaster.pid")"
log "kill -9 the JVM (pid $APP_PID); its postmaster is pid $ORPHAN"
kill -9 "$APP_PID"
wait "$APP_PID" 2>/dev/null || true
APP_PID=""
sleep 1
if kill -0 "$ORPHAN" 2>/dev/null; then
  log "the orphaned postmaster $ORPHAN is still running, as expected"
else
  log "note: the postmaster $ORPHAN ended with the JVM"
fi

log "second start on the same data directory"
start_app
wait_up "$PORT" "$APP_PID" 300 || fail "the restart after kill -9 did not become UP"
AFTER="$(organizations)"
log "organisations on 2012-10-31 after the restart: $AFTER"
[ "$AFTER" = "$BEFORE" ] || fail "organisation count changed from $BEFORE to $AFTER (sample loaded twice?)"
if kill -0 "$ORPHAN" 2>/dev/null && [ "$(readlink "/proc/$ORPHAN/cwd" 2>/dev/null)" = "$DATA/pg" ]; then
  fail "the orphaned postmaster $ORPHAN still runs on the data directory"
fi
grep -q "Stopping orphaned PostgreSQL" "$WORK/app.log" && log "the application stopped the orphaned postmaster"

stop_jvm "$APP_PID"
APP_PID=""
echo "PASS durability: UP again after kill -9; $AFTER organisations on 2012-10-31 before and after"
