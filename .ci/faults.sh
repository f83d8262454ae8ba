#!/usr/bin/env bash
# Fault checks of the built jar (docs/operations.md, "Fault checks"), loopback only, on a private PostgreSQL 15
# cluster of Debian's packages (initdb into a temporary directory, its own port; the shared 15/main cluster is not
# touched, so restarting it here disturbs nobody):
#   a. two application nodes on one database: a session made on node A is accepted by node B; scheduled work (the
#      sweep of interrupted jobs, every 3 s here) runs once per slot across both nodes;
#   b. the database restarted under the running application: requests fail cleanly during the outage, succeed after
#      it without a restart of the application, and nothing committed is lost;
#   c. kill -9 of a node during a member import: nothing of the import is visible, the job shows FAILED with the
#      "interrupted" message over the API, and the same import run again completes with the expected count;
#   e. kill -9 of a node while it drafts a review report (the DOCX of the sample's review of Directive 16-CT/TU, slowed
#      by the test-only pause capuy.jobs.drafting-pause between its steps): no file of the run is stored, the job shows
#      FAILED with the "interrupted" message over the API, and a new run completes to a DOCX that downloads and opens;
#   d. a soak: 100 virtual users for 60 s with their own session cookies, no errors, no heap growth after warm-up.
# Usage: bash .ci/faults.sh   (needs target/capuy.jar; SOAK_SECONDS and IMPORT_ROWS may be set)
set -euo pipefail
source "$(dirname "$0")/lib.sh"

[ -f "$JAR" ] || { echo "FAIL faults: $JAR is missing (run ./mvnw verify first)"; exit 1; }
VERSION=15
PG_BIN="/usr/lib/postgresql/$VERSION/bin"
IMPORT_ROWS="${IMPORT_ROWS:-40000}"
SOAK_SECONDS="${SOAK_SECONDS:-60}"
SOAK_USERS="${SOAK_USERS:-100}"
WORK="$(mktemp -d /tmp/capuy-ci-faults.XXXXXX)"
chmod 755 "$WORK"
PGDATA="$WORK/pg"
DB=capuy
DB_USER=capuy
DB_PASSWORD="ci-$RANDOM-$RANDOM-$$"
# the two nodes share the key of the personal-data fields (as they must in production)
export CAPUY_DATA_KEY="ZmF1bHQtY2hlY2tzLW9ubHktMzItYnl0ZXMtbG9uZy4=" # gitleaks:allow (CI-only key)
PG_STARTED=no
PID_A=""
PID_B=""
# drafting-pause: a review report takes a few seconds to draft here, so that it can be killed half-way (check e)
NODE_OPTS=(--capuy.jobs.sweep-interval=3s --capuy.jobs.stale-after=10s --capuy.jobs.drafting-pause=400ms)
RESULTS=()

pg() { (cd / && runuser -u postgres -- "$PG_BIN/$1" "${@:2}"); }
psql_q() { (cd / && runuser -u postgres -- "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$WORK/sock" -p "$PG_PORT" -d "$DB" -tAc "$1"); }

cleanup() {
  [ -n "$PID_A" ] && stop_jvm "$PID_A"
  [ -n "$PID_B" ] && stop_jvm "$PID_B"
  if [ "$PG_STARTED" = yes ]; then
    pg pg_ctl -D "$PGDATA" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 143' TERM INT
fail() {
  echo "FAIL faults: $*"
  for f in "$WORK"/node-*.log; do
    [ -f "$f" ] && { echo "--- last lines of $(basename "$f")"; tail -n 25 "$f"; }
  done
  exit 1
}
pass() { RESULTS+=("PASS $*"); echo "PASS $*"; }

# --- the database -----------------------------------------------------------------------------------------------
if [ ! -x "$PG_BIN/initdb" ]; then
  log "installing PostgreSQL $VERSION"
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql
fi
PG_PORT="$(free_port)"
mkdir -p "$PGDATA" "$WORK/sock" "$WORK/pglog"
chown postgres "$PGDATA" "$WORK/sock" "$WORK/pglog"
pg initdb -D "$PGDATA" -U postgres --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
start_pg() {
  pg pg_ctl -D "$PGDATA" -l "$WORK/pglog/pg.log" -w -t 60 \
    -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$WORK/sock -c max_connections=100" start >/dev/null
}
start_pg
PG_STARTED=yes
(cd / && runuser -u postgres -- "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$WORK/sock" -p "$PG_PORT" -d postgres \
  -c "CREATE ROLE $DB_USER LOGIN PASSWORD '$DB_PASSWORD'" -c "CREATE DATABASE $DB OWNER $DB_USER") >/dev/null
log "private PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT, database $DB"

# --- the nodes --------------------------------------------------------------------------------------------------
PORT_A="$(free_port)"
PORT_B="$(free_port)"
while [ "$PORT_B" = "$PORT_A" ]; do PORT_B="$(free_port)"; done
start_node() { # NAME PORT SAMPLE
  (cd "$WORK" && SERVER_PORT="$2" SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$DB" \
    SPRING_DATASOURCE_USERNAME="$DB_USER" SPRING_DATASOURCE_PASSWORD="$DB_PASSWORD" \
    exec java -Xmx768m -jar "$JAR" "--capuy.sample.enabled=$3" "${NODE_OPTS[@]}" >>"$WORK/node-$1.log" 2>&1) &
  echo $!
}
log "node A on 127.0.0.1:$PORT_A (loads the sample)"
PID_A="$(start_node a "$PORT_A" true)"
wait_up "$PORT_A" "$PID_A" 300 || fail "node A did not become UP"
log "node B on 127.0.0.1:$PORT_B (sample off)"
PID_B="$(start_node b "$PORT_B" false)"
wait_up "$PORT_B" "$PID_B" 300 || fail "node B did not become UP"

# --- a. shared sessions -----------------------------------------------------------------------------------------
CHECK_START=$SECONDS
COOKIES="$WORK/cookies.txt"
login_on() { # PORT: logs admin in with the form (CSRF token from the login page) into $COOKIES
  local page token answer
  page="$(curl -s --max-time 30 -c "$COOKIES" -b "$COOKIES" "http://127.0.0.1:$1/login")"
  token="$(grep -o 'name="_csrf" value="[^"]*"' <<<"$page" | head -n 1 | sed 's/.*value="//; s/"$//')"
  [ -n "$token" ] || fail "no CSRF token on the login page of port $1"
  answer="$(curl -s --max-time 30 -o /dev/null -w '%{http_code} %{redirect_url}' -c "$COOKIES" -b "$COOKIES" \
    --data-urlencode username=admin --data-urlencode password=demo --data-urlencode "_csrf=$token" \
    "http://127.0.0.1:$1/login")"
  [[ "$answer" == 302* && "$answer" != *error* ]] || fail "login on port $1 answered '$answer'"
}
# page PORT PATH [cookies]: prints the status and the redirect target
page() {
  if [ "${3:-}" = cookies ]; then
    curl -s --max-time 90 -o "$WORK/body.html" -w '%{http_code} %{redirect_url}' -b "$COOKIES" "http://127.0.0.1:$1$2" || true
  else
    curl -s --max-time 90 -o "$WORK/body.html" -w '%{http_code} %{redirect_url}' "http://127.0.0.1:$1$2" || true
  fi
}
ANON="$(page "$PORT_B" /members)"
[[ "$ANON" == 302*login* ]] || fail "without a session node B answered '$ANON' for /members (expected a redirect to /login)"
login_on "$PORT_A"
ON_A="$(page "$PORT_A" /members cookies)"
[[ "$ON_A" == "200 " ]] || fail "node A answered '$ON_A' for /members with its own session"
ON_B="$(page "$PORT_B" /members cookies)"
[[ "$ON_B" == "200 " ]] || fail "node B answered '$ON_B' for /members with node A's session cookie (not shared?)"
grep -q 'action="/logout"\|/logout' "$WORK/body.html" || fail "node B's /members page with A's cookie is not a signed-in page"
pass "a. shared sessions: logged in on node A (port $PORT_A); node B (port $PORT_B) answers 200 for /members with the same cookie, and a redirect to /login without it ($((SECONDS - CHECK_START)) s)"

# --- b. database restart under the running application ----------------------------------------------------------
CHECK_START=$SECONDS
MEMBERS_BEFORE="$(psql_q "SELECT count(*) FROM member")"
AUDIT_BEFORE="$(psql_q "SELECT count(*) FROM audit_log")"
log "before the outage: $MEMBERS_BEFORE members, $AUDIT_BEFORE audit entries; stopping PostgreSQL"
pg pg_ctl -D "$PGDATA" -m fast -w -t 60 stop >/dev/null
OUTAGE_START=$SECONDS
DURING="$(page "$PORT_A" /members cookies)"
DURING_API="$(curl -s --max-time 90 -o "$WORK/api.json" -w '%{http_code}' -u admin:demo "http://127.0.0.1:$PORT_A/api/v1/organizations" || true)"
log "during the outage: /members answered '$DURING', /api/v1/organizations answered $DURING_API (after $((SECONDS - OUTAGE_START)) s)"
kill -0 "$PID_A" 2>/dev/null || fail "node A died during the database outage"
STATUS_DURING="${DURING%% *}"
[ "$STATUS_DURING" = 503 ] || fail "during the outage /members answered '$DURING' (expected the plain 503)"
[ "$DURING_API" = 503 ] || fail "during the outage the API answered '$DURING_API' (expected the plain 503)"
if grep -Eq 'Exception|at (org|java|vn|com)\.[a-zA-Z.$]+\(' "$WORK/body.html" "$WORK/api.json"; then
  grep -Em 3 'Exception|at (org|java|vn|com)\.' "$WORK/body.html" "$WORK/api.json" || true
  fail "an error answer during the outage shows an exception or a stack trace"
fi
[ -s "$WORK/body.html" ] || fail "the error page during the outage is empty"
log "starting PostgreSQL again"
start_pg
AFTER=""
for _ in $(seq 1 30); do
  AFTER="$(page "$PORT_A" /members cookies)"
  [[ "$AFTER" == "200 " ]] && break
  sleep 2
done
[[ "$AFTER" == "200 " ]] || fail "after the database came back /members answers '$AFTER' (no recovery without a restart)"
kill -0 "$PID_A" 2>/dev/null || fail "node A is not the same process any more"
AFTER_B="$(page "$PORT_B" /members cookies)"
[[ "$AFTER_B" == "200 " ]] || fail "after the outage node B answers '$AFTER_B'"
MEMBERS_AFTER="$(psql_q "SELECT count(*) FROM member")"
AUDIT_AFTER="$(psql_q "SELECT count(*) FROM audit_log")"
[ "$MEMBERS_AFTER" = "$MEMBERS_BEFORE" ] || fail "members changed from $MEMBERS_BEFORE to $MEMBERS_AFTER across the restart"
[ "$AUDIT_AFTER" -ge "$AUDIT_BEFORE" ] || fail "audit entries went from $AUDIT_BEFORE down to $AUDIT_AFTER"
pass "b. database restart: during the outage /members answered ${STATUS_DURING} and the API $DURING_API without a stack trace, the JVMs stayed up; afterwards both nodes answer 200 without a restart; $MEMBERS_AFTER members (as before), audit entries $AUDIT_BEFORE -> $AUDIT_AFTER ($((SECONDS - CHECK_START)) s)"

# --- c. kill -9 during a member import --------------------------------------------------------------------------
CHECK_START=$SECONDS
# the import runs as bantochuc (organisation department, edits the register) into an open cell of its scope
CELL="$(psql_q "SELECT o.id FROM organization o
  JOIN organization_closure c ON c.descendant_id = o.id AND c.valid_to IS NULL
  JOIN organization_name n ON n.organization_id = c.ancestor_id AND n.valid_to IS NULL AND n.name = 'Đảng bộ các cơ quan Đảng tỉnh'
  WHERE o.type = 'CHI_BO_TRUC_THUOC' AND o.valid_to IS NULL ORDER BY o.id LIMIT 1")"
[ -n "$CELL" ] || fail "no open party cell in the sample to import into"
CSV="$WORK/members.csv"
python3 - "$CSV" "$IMPORT_ROWS" <<'PY'
import sys
path, rows = sys.argv[1], int(sys.argv[2])
family = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô"]
middle = ["Văn", "Thị", "Hữu", "Minh", "Thanh", "Ngọc", "Quốc", "Thu", "Đức", "Xuân"]
given = ["An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hoa", "Khánh", "Lan", "Long", "Mai",
         "Nam", "Nga", "Phúc", "Quân", "Sơn", "Tâm", "Thảo", "Trang", "Tuấn", "Việt", "Yến"]
with open(path, "w", encoding="utf-8") as f:
    f.write("Họ và tên,Giới tính,Ngày sinh,Số thẻ đảng viên,Số lý lịch,Ngày vào Đảng,Ngày chính thức,Dân tộc\n")
    for i in range(rows):
        name = f"{family[i % 14]} {middle[(i // 14) % 10]} {given[(i // 140) % 25]} {given[(i * 7) % 25]}"
        sex = "Nữ" if middle[(i // 14) % 10] == "Thị" else "Nam"
        dob = f"{1 + i % 28:02d}/{1 + i % 12:02d}/{1955 + i % 25}"
        f.write(f"{name},{sex},{dob},{97000000 + i:08d},{900000 + i % 100000:06d}QB,03/02/2006,03/02/2007,Kinh\n")
PY
log "importing $IMPORT_ROWS generated members ($(du -h "$CSV" | cut -f1)) into organisation $CELL on node A, all or nothing"
start_import() { # PORT: prints the job id
  local body
  body="$(curl -s --max-time 120 -u bantochuc:demo -F "file=@$CSV;type=text/csv;filename=dot-thu.csv" \
    -F "organizationId=$CELL" "http://127.0.0.1:$1/api/v1/imports/members" || true)"
  echo "$body" >"$WORK/import-start.json"
  json_number "$body" id || true
}
job_state() { # PORT JOB: the JSON progress
  curl -s --max-time 30 -u bantochuc:demo "http://127.0.0.1:$1/api/v1/imports/$2" || true
}
MEMBERS_BEFORE="$(psql_q "SELECT count(*) FROM member")"
JOB="$(start_import "$PORT_A")"
[ -n "$JOB" ] || fail "the import did not start: $(cat "$WORK/import-start.json")"
STATE=""
WRITING=no
for _ in $(seq 1 600); do
  STATE="$(job_state "$PORT_A" "$JOB")"
  DONE_UNITS="$(json_number "$STATE" done || true)"
  if [[ "$STATE" != *'"status":"RUNNING"'* ]]; then break; fi
  if [ "${DONE_UNITS:-0}" -gt 0 ]; then WRITING=yes; break; fi
  sleep 0.2
done
[ "$WRITING" = yes ] || fail "the import was not in its writing phase when it should be killed: $STATE"
# the import writes thousands of rows a second: kill it soon after its first chunk
sleep 0.3
STATE="$(job_state "$PORT_A" "$JOB")"
[[ "$STATE" == *'"status":"RUNNING"'* ]] || fail "the import finished before the kill (make IMPORT_ROWS larger): $STATE"
LOCKED="$(psql_q "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND classid = 7301 AND objid = $JOB")"
[ "$LOCKED" = 1 ] || fail "the running import $JOB does not hold its advisory lock (7301, $JOB)"
log "import job $JOB is writing (holding its advisory lock): kill -9 node A (pid $PID_A)"
kill -9 "$PID_A"
wait "$PID_A" 2>/dev/null || true
PID_A=""
KILLED_AT=$SECONDS
MEMBERS_KILLED="$(psql_q "SELECT count(*) FROM member")"
[ "$MEMBERS_KILLED" = "$MEMBERS_BEFORE" ] || fail "after kill -9 there are $MEMBERS_KILLED members instead of $MEMBERS_BEFORE (half an import is visible)"
log "after kill -9: $MEMBERS_KILLED members (unchanged); restarting node A"
PID_A="$(start_node a "$PORT_A" true)"
wait_up "$PORT_A" "$PID_A" 300 || fail "node A did not come back after kill -9"
FAILED=""
for _ in $(seq 1 60); do
  STATE="$(job_state "$PORT_A" "$JOB")"
  if [[ "$STATE" == *'"status":"FAILED"'* ]]; then FAILED=yes; break; fi
  sleep 1
done
[ "$FAILED" = yes ] || fail "the killed import $JOB is not FAILED $((SECONDS - KILLED_AT)) s after the kill: $STATE"
[[ "$STATE" == *'Bị gián đoạn'* ]] || fail "the killed import's message is not the interrupted message: $STATE"
SWEPT_BY="$(grep -l "Background jobs \[.*\b$JOB\b.*\] were interrupted" "$WORK"/node-*.log 2>/dev/null | xargs -r -n1 basename | tr '\n' ' ')"
log "job $JOB over the API: $STATE (swept by: ${SWEPT_BY:-?})"
MEMBERS_AFTER_RESTART="$(psql_q "SELECT count(*) FROM member")"
[ "$MEMBERS_AFTER_RESTART" = "$MEMBERS_BEFORE" ] || fail "after the restart there are $MEMBERS_AFTER_RESTART members instead of $MEMBERS_BEFORE"
JOB2="$(start_import "$PORT_A")"
[ -n "$JOB2" ] || fail "the second import did not start: $(cat "$WORK/import-start.json")"
for _ in $(seq 1 600); do
  STATE="$(job_state "$PORT_A" "$JOB2")"
  [[ "$STATE" == *'"status":"RUNNING"'* ]] || break
  sleep 1
done
[[ "$STATE" == *'"status":"DONE"'* ]] || fail "the second import did not finish: $STATE"
CREATED="$(json_number "$STATE" created || true)"
MEMBERS_END="$(psql_q "SELECT count(*) FROM member")"
[ "$CREATED" = "$IMPORT_ROWS" ] || fail "the second import created $CREATED members instead of $IMPORT_ROWS: $STATE"
[ "$MEMBERS_END" = $((MEMBERS_BEFORE + IMPORT_ROWS)) ] || fail "after the second import there are $MEMBERS_END members, expected $((MEMBERS_BEFORE + IMPORT_ROWS))"
pass "c. kill -9 during an import: job $JOB killed while writing; members stayed $MEMBERS_BEFORE; the job shows FAILED with the interrupted message (swept by ${SWEPT_BY:-a node}); the same file again: job $JOB2 DONE, $CREATED created, $MEMBERS_END members ($((SECONDS - CHECK_START)) s)"

# --- e. kill -9 during the drafting of a review report ---------------------------------------------------------------
CHECK_START=$SECONDS
# the office (vanphong) drafts the sample's five-year review of Directive 16-CT/TU
REVIEW="$(psql_q "SELECT id FROM review WHERE title = 'Tổng kết 5 năm thực hiện Chỉ thị 16-CT/TU của Ban Thường vụ Tỉnh uỷ' ORDER BY id LIMIT 1")"
[ -n "$REVIEW" ] || fail "the sample has no review of Directive 16-CT/TU"
start_drafting() { # PORT: prints the job id
  local body
  body="$(curl -s --max-time 60 -u vanphong:demo -X POST "http://127.0.0.1:$1/api/v1/reviews/$REVIEW/report-jobs" || true)"
  echo "$body" >"$WORK/drafting-start.json"
  json_number "$body" id || true
}
drafting_state() { # PORT JOB: the JSON status
  curl -s --max-time 30 -u vanphong:demo "http://127.0.0.1:$1/api/v1/report-jobs/$2" || true
}
FILES_BEFORE="$(psql_q "SELECT count(*) FROM review_report_file WHERE review_id = $REVIEW")"
DJOB="$(start_drafting "$PORT_A")"
[ -n "$DJOB" ] || fail "the drafting did not start: $(cat "$WORK/drafting-start.json")"
STATE=""
DRAFTING=no
for _ in $(seq 1 300); do
  STATE="$(drafting_state "$PORT_A" "$DJOB")"
  [[ "$STATE" == *'"status":"RUNNING"'* ]] || break
  if [ "$(json_number "$STATE" done || echo 0)" -gt 0 ]; then DRAFTING=yes; break; fi
  sleep 0.2
done
[ "$DRAFTING" = yes ] || fail "the drafting was not under way when it should be killed: $STATE"
STATE="$(drafting_state "$PORT_A" "$DJOB")"
[[ "$STATE" == *'"status":"RUNNING"'* ]] || fail "the drafting finished before the kill (raise capuy.jobs.drafting-pause): $STATE"
LOCKED="$(psql_q "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND classid = 7301 AND objid = $DJOB")"
[ "$LOCKED" = 1 ] || fail "the running drafting $DJOB does not hold its advisory lock (7301, $DJOB)"
log "drafting job $DJOB of review $REVIEW is under way ($(json_number "$STATE" done)/$(json_number "$STATE" total) steps): kill -9 node A (pid $PID_A)"
kill -9 "$PID_A"
wait "$PID_A" 2>/dev/null || true
PID_A=""
KILLED_AT=$SECONDS
FILES_KILLED="$(psql_q "SELECT count(*) FROM review_report_file WHERE job_id = $DJOB")"
[ "$FILES_KILLED" = 0 ] || fail "after kill -9 the killed drafting $DJOB has a stored file"
log "after kill -9: no file of job $DJOB; restarting node A"
PID_A="$(start_node a "$PORT_A" true)"
wait_up "$PORT_A" "$PID_A" 300 || fail "node A did not come back after kill -9 during the drafting"
FAILED=""
for _ in $(seq 1 60); do
  STATE="$(drafting_state "$PORT_A" "$DJOB")"
  if [[ "$STATE" == *'"status":"FAILED"'* ]]; then FAILED=yes; break; fi
  sleep 1
done
[ "$FAILED" = yes ] || fail "the killed drafting $DJOB is not FAILED $((SECONDS - KILLED_AT)) s after the kill: $STATE"
[[ "$STATE" == *'Bị gián đoạn'* ]] || fail "the killed drafting's message is not the interrupted message: $STATE"
[[ "$STATE" != *downloadUrl* ]] || fail "the killed drafting offers a download: $STATE"
FILES_KILLED="$(psql_q "SELECT count(*) FROM review_report_file WHERE job_id = $DJOB")"
[ "$FILES_KILLED" = 0 ] || fail "after the restart the killed drafting $DJOB has a stored file"
SWEPT_BY="$(grep -l "Background jobs \[.*\b$DJOB\b.*\] were interrupted" "$WORK"/node-*.log 2>/dev/null | xargs -r -n1 basename | tr '\n' ' ')"
log "drafting job $DJOB over the API: $STATE (swept by: ${SWEPT_BY:-?})"
DJOB2="$(start_drafting "$PORT_A")"
[ -n "$DJOB2" ] || fail "the second drafting did not start: $(cat "$WORK/drafting-start.json")"
[ "$DJOB2" != "$DJOB" ] || fail "starting again answered the killed job $DJOB"
for _ in $(seq 1 300); do
  STATE="$(drafting_state "$PORT_A" "$DJOB2")"
  [[ "$STATE" == *'"status":"RUNNING"'* ]] || break
  sleep 1
done
[[ "$STATE" == *'"status":"DONE"'* ]] || fail "the second drafting did not finish: $STATE"
URL="$(grep -o '"downloadUrl":"[^"]*"' <<<"$STATE" | cut -d'"' -f4)"
[ -n "$URL" ] || fail "the finished drafting has no download URL: $STATE"
DOCX="$WORK/report.docx"
CODE="$(curl -s --max-time 60 -u vanphong:demo -o "$DOCX" -w '%{http_code}' "http://127.0.0.1:$PORT_A$URL" || true)"
[ "$CODE" = 200 ] || fail "the download of $URL answered $CODE"
[ "$(head -c 2 "$DOCX")" = PK ] || fail "the downloaded report is not a zip (DOCX) file"
unzip -tq "$DOCX" >/dev/null || fail "the downloaded report is not a valid zip: $(unzip -tq "$DOCX" 2>&1 | tail -n 1)"
unzip -p "$DOCX" word/document.xml | grep -q 'Chỉ thị 16-CT/TU' || fail "word/document.xml of the report does not name Directive 16-CT/TU"
SHA_DB="$(psql_q "SELECT sha256 FROM review_report_file WHERE job_id = $DJOB2")"
SHA_FILE="$(sha256sum "$DOCX" | cut -d' ' -f1)"
[ "$SHA_DB" = "$SHA_FILE" ] || fail "the download differs from the stored file (sha256 $SHA_FILE vs $SHA_DB)"
FILES_AFTER="$(psql_q "SELECT count(*) FROM review_report_file WHERE review_id = $REVIEW")"
[ "$FILES_AFTER" = $((FILES_BEFORE + 1)) ] || fail "review $REVIEW has $FILES_AFTER stored files, expected $((FILES_BEFORE + 1))"
pass "e. kill -9 during report drafting: job $DJOB of review $REVIEW killed under way; no file of it stored; it shows FAILED with the interrupted message (swept by ${SWEPT_BY:-a node}); job $DJOB2 DONE, its DOCX ($(stat -c %s "$DOCX") bytes) downloads, unzips with word/document.xml naming 16-CT/TU, equal to the stored sha256 ($((SECONDS - CHECK_START)) s)"

# --- d. soak ----------------------------------------------------------------------------------------------------
CHECK_START=$SECONDS
MEMBER_ID="$(psql_q "SELECT id FROM member ORDER BY id LIMIT 1")"
SOAK_PATHS=(/ /organizations /members "/members?q=nguyen+van" "/members/$MEMBER_ID" "/api/v1/members?q=tran&size=20" "/api/v1/organizations")
used_heap() { # PID: used heap in KiB after a full GC
  jcmd "$1" GC.run >/dev/null 2>&1 || true
  jcmd "$1" GC.heap_info 2>/dev/null | grep -oE 'used [0-9]+K' | head -n 1 | grep -oE '[0-9]+'
}
log "soak: $SOAK_USERS virtual users for $SOAK_SECONDS s on node A"
java bench/Soak.java "http://127.0.0.1:$PORT_A" admin demo "$SOAK_USERS" "$SOAK_SECONDS" "${SOAK_PATHS[@]}" >"$WORK/soak.log" 2>&1 &
SOAK_PID=$!
# warm-up: 20 s of load after the logins
for _ in $(seq 1 120); do grep -q "users logged in" "$WORK/soak.log" && break; sleep 0.5; done
sleep 20
HEAP_WARM="$(used_heap "$PID_A")"
log "used heap after a GC at warm-up (20 s of load): ${HEAP_WARM:-?} KiB"
SOAK_RC=0
wait "$SOAK_PID" || SOAK_RC=$?
cat "$WORK/soak.log"
HEAP_END="$(used_heap "$PID_A")"
log "used heap after a GC at the end: ${HEAP_END:-?} KiB"
[ "$SOAK_RC" = 0 ] || fail "the soak saw errors (exit $SOAK_RC)"
[ -n "$HEAP_WARM" ] && [ -n "$HEAP_END" ] || fail "could not read the heap with jcmd"
LIMIT=$((HEAP_WARM * 120 / 100 + 16384))
[ "$HEAP_END" -le "$LIMIT" ] || fail "the heap grew from $HEAP_WARM KiB to $HEAP_END KiB (limit $LIMIT KiB: +20 % +16 MiB)"
kill -0 "$PID_A" 2>/dev/null || fail "node A died during the soak"
pass "d. soak: $(grep '^soak: .*errors$' "$WORK/soak.log" | tail -n 1 | sed 's/^soak: //'); used heap after GC ${HEAP_WARM} KiB at warm-up, ${HEAP_END} KiB at the end (limit $LIMIT KiB) ($((SECONDS - CHECK_START)) s)"

# --- a (continued). scheduled work once per slot across the nodes -------------------------------------------------
CHECK_START=$SECONDS
ROWS="$(psql_q "SELECT count(*) FROM scheduled_run WHERE task = 'jobs-sweep'")"
DISTINCT="$(psql_q "SELECT count(DISTINCT slot) FROM scheduled_run WHERE task = 'jobs-sweep'")"
NODES="$(psql_q "SELECT count(DISTINCT node) FROM scheduled_run WHERE task = 'jobs-sweep'")"
RAN_LINES="$(cat "$WORK"/node-*.log | grep -c 'Scheduled work jobs-sweep for slot .* ran on node' || true)"
DUPLICATE_SLOTS="$(cat "$WORK"/node-*.log | grep -o 'Scheduled work jobs-sweep for slot [^ ]* ran' | sort | uniq -d | wc -l)"
SKIPPED_A="$(grep -c 'Scheduled work jobs-sweep for slot .* skipped' "$WORK/node-a.log" || true)"
SKIPPED_B="$(grep -c 'Scheduled work jobs-sweep for slot .* skipped' "$WORK/node-b.log" || true)"
log "jobs-sweep: $ROWS slots recorded ($DISTINCT distinct, by $NODES node processes), $RAN_LINES runs in the logs, skipped $SKIPPED_A times on A and $SKIPPED_B on B"
[ "$ROWS" -ge 5 ] || fail "only $ROWS sweep slots were run in the whole check (interval 3 s)"
[ "$ROWS" = "$DISTINCT" ] || fail "a sweep slot was recorded twice"
[ "$DUPLICATE_SLOTS" = 0 ] || fail "$DUPLICATE_SLOTS sweep slots ran on two nodes (see the logs)"
[ "$RAN_LINES" = "$ROWS" ] || fail "the logs show $RAN_LINES sweep runs but $ROWS slots are recorded"
[ "$SKIPPED_A" -gt 0 ] && [ "$SKIPPED_B" -gt 0 ] || fail "a node never skipped a slot the other ran (A: $SKIPPED_A, B: $SKIPPED_B)"
pass "a. scheduled work: $ROWS sweep slots each run once across both nodes (by $NODES node processes, $RAN_LINES runs logged, no slot twice); node A skipped $SKIPPED_A slots and node B $SKIPPED_B that the other ran"

stop_jvm "$PID_A"; PID_A=""
stop_jvm "$PID_B"; PID_B=""
echo "=== fault checks"
printf '%s\n' "${RESULTS[@]}"
