# Shared helpers for the .ci/ checks (sourced, not run). Loopback only; every wait is bounded.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="$ROOT/target/capuy.jar"

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*"; }

# A free TCP port on 127.0.0.1 (tries random ports in 20000-44999).
free_port() {
  local port tries=0
  while [ "$tries" -lt 200 ]; do
    port=$((20000 + RANDOM % 25000))
    if [ -z "$(ss -Hltn "sport = :$port" 2>/dev/null)" ]; then
      echo "$port"
      return 0
    fi
    tries=$((tries + 1))
  done
  return 1
}

# wait_up PORT PID SECONDS: waits until /actuator/health says UP; fails if the JVM dies or time runs out.
wait_up() {
  local port="$1" pid="$2" limit="$3" start=$SECONDS body
  while [ $((SECONDS - start)) -lt "$limit" ]; do
    if ! kill -0 "$pid" 2>/dev/null; then
      log "the application (pid $pid) exited before it was UP"
      return 1
    fi
    body="$(curl -s --max-time 5 "http://127.0.0.1:$port/actuator/health" || true)"
    if [[ "$body" == *'"status":"UP"'* ]]; then
      log "UP after $((SECONDS - start)) s"
      return 0
    fi
    sleep 1
  done
  log "not UP within $limit s (last answer: ${body:-none})"
  return 1
}

# stop_jvm PID: SIGTERM, then SIGKILL after 60 s. Only the pid this script started.
stop_jvm() {
  local pid="$1" i=0
  kill -0 "$pid" 2>/dev/null || return 0
  kill "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null && [ "$i" -lt 60 ]; do sleep 1; i=$((i + 1)); done
  if kill -0 "$pid" 2>/dev/null; then
    kill -9 "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
}

# json_number JSON KEY: the first integer value of "KEY" in a JSON text.
json_number() {
  grep -o "\"$2\":[0-9]*" <<<"$1" | head -n 1 | cut -d: -f2
}
