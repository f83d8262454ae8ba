#!/usr/bin/env bash
# The jar on an external PostgreSQL: Debian's PostgreSQL 15 on loopback, a database and a user of its own,
# SPRING_DATASOURCE_URL/USERNAME/PASSWORD; it must become UP and serve organisations over the API. Then the backup
# described in docs/operations.md: pg_dump of the same major version, pg_restore into a new database, same counts.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

[ -f "$JAR" ] || { echo "FAIL external-postgres: $JAR is missing (run ./mvnw verify first)"; exit 1; }
VERSION=15
CLUSTER=main
WORK="$(mktemp -d /tmp/capuy-ci-pg.XXXXXX)"
DB="capuy_ci_$$"
DB_USER="capuy_ci_$$"
RESTORED="capuy_ci_restored_$$"
DB_PASSWORD="ci-$RANDOM-$RANDOM-$$"
APP_PID=""
STARTED_CLUSTER=no
CREATED=no

# psql_on DATABASE ARGS...: psql as the postgres superuser over the cluster's socket.
psql_on() { local db="$1"; shift; (cd / && runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -p "$PG_PORT" -d "$db" "$@"); }

cleanup() {
  [ -n "$APP_PID" ] && stop_jvm "$APP_PID"
  if [ "$CREATED" = yes ]; then
    psql_on postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "DROP DATABASE IF EXISTS $RESTORED WITH (FORCE)" -c "DROP ROLE IF EXISTS $DB_USER" >/dev/null 2>&1 || true
  fi
  if [ "$STARTED_CLUSTER" = yes ]; then
    pg_ctlcluster "$VERSION" "$CLUSTER" stop || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 143' TERM INT
fail() { echo "FAIL external-postgres: $*"; [ -f "$WORK/app.log" ] && tail -n 40 "$WORK/app.log"; exit 1; }

if ! dpkg -s "postgresql-$VERSION" >/dev/null 2>&1; then
  log "installing PostgreSQL $VERSION"
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql
fi
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$VERSION $CLUSTER"; then
  log "creating the cluster $VERSION/$CLUSTER"
  pg_createcluster "$VERSION" "$CLUSTER"
fi
if ! pg_ctlcluster "$VERSION" "$CLUSTER" status >/dev/null 2>&1; then
  log "starting the cluster $VERSION/$CLUSTER"
  timeout 120 pg_ctlcluster "$VERSION" "$CLUSTER" start
  STARTED_CLUSTER=yes
fi
PG_PORT="$(pg_lsclusters -h | awk -v v="$VERSION" -v c="$CLUSTER" '$1 == v && $2 == c {print $3}')"
log "PostgreSQL $VERSION/$CLUSTER on port $PG_PORT"

psql_on postgres -c "CREATE ROLE $DB_USER LOGIN PASSWORD '$DB_PASSWORD'" -c "CREATE DATABASE $DB OWNER $DB_USER"
CREATED=yes
log "database $DB owned by $DB_USER"

PORT="$(free_port)"
log "starting the jar on 127.0.0.1:$PORT against jdbc:postgresql://127.0.0.1:$PG_PORT/$DB"
(cd "$WORK" && SERVER_PORT="$PORT" SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$DB" \
  SPRING_DATASOURCE_USERNAME="$DB_USER" SPRING_DATASOURCE_PASSWORD="$DB_PASSWORD" \
  exec java -jar "$JAR" >"$WORK/app.log" 2>&1) &
APP_PID=$!
wait_up "$PORT" "$APP_PID" 300 || fail "the application on PostgreSQL $VERSION did not become UP"

STATUS="$(curl -s --max-time 30 -o "$WORK/organizations.json" -w '%{http_code}' -u admin:demo \
  "http://127.0.0.1:$PORT/api/v1/organizations")"
BODY="$(cat "$WORK/organizations.json")"
TOTAL="$(json_number "$BODY" total)"
[ "$STATUS" = 200 ] || fail "GET /api/v1/organizations answered $STATUS"
[[ "$BODY" == *'"items":[{'* ]] && [ -n "$TOTAL" ] && [ "$TOTAL" -gt 0 ] || fail "no organisations in the answer: ${BODY:0:300}"
if [ -d "$WORK/data/pg" ] || grep -q "Embedded PostgreSQL started" "$WORK/app.log"; then
  grep -n "Embedded PostgreSQL" "$WORK/app.log" || true
  fail "an embedded database was started in $WORK/data although SPRING_DATASOURCE_URL was set"
fi
IN_DB="$(psql_on "$DB" -tAc "SELECT count(*) FROM organization")"
log "organisations in the external database: $IN_DB; over the API today: $TOTAL"

stop_jvm "$APP_PID"
APP_PID=""

log "backup with pg_dump $VERSION and restore into $RESTORED"
PG_BIN="/usr/lib/postgresql/$VERSION/bin"
psql_on postgres -c "CREATE DATABASE $RESTORED OWNER $DB_USER"
PGPASSWORD="$DB_PASSWORD" timeout 300 "$PG_BIN/pg_dump" -h 127.0.0.1 -p "$PG_PORT" -U "$DB_USER" -Fc -d "$DB" \
  -f "$WORK/capuy.dump" || fail "pg_dump failed"
PGPASSWORD="$DB_PASSWORD" timeout 300 "$PG_BIN/pg_restore" -h 127.0.0.1 -p "$PG_PORT" -U "$DB_USER" --no-owner \
  --exit-on-error -d "$RESTORED" "$WORK/capuy.dump" || fail "pg_restore failed"
COUNTS="SELECT (SELECT count(*) FROM organization) || '/' || (SELECT count(*) FROM member) || '/' || (SELECT count(*) FROM audit_log)"
ORIGINAL_COUNTS="$(psql_on "$DB" -tAc "$COUNTS")"
RESTORED_COUNTS="$(psql_on "$RESTORED" -tAc "$COUNTS")"
log "organisations/members/audit entries: $ORIGINAL_COUNTS in $DB, $RESTORED_COUNTS restored ($(du -h "$WORK/capuy.dump" | cut -f1) dump)"
[ "$ORIGINAL_COUNTS" = "$RESTORED_COUNTS" ] || fail "the restored database differs: $RESTORED_COUNTS instead of $ORIGINAL_COUNTS"

echo "PASS external-postgres: UP on PostgreSQL $VERSION; GET /api/v1/organizations answered 200 with $TOTAL organisations; pg_dump/pg_restore kept $ORIGINAL_COUNTS organisations/members/audit entries"
