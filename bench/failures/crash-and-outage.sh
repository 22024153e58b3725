#!/usr/bin/env bash
# Issue 13, items 4 and 5, measured (docs/failures.md). Not part of the test run.
#
#   bench/failures/crash-and-outage.sh [--cases N] [--no-build]
#
# Runs the jar (demo profile) on a fresh PostgreSQL database (PG_ADMIN_URL, default the tests'
# server 127.0.0.1:5432, user postgres), reached through a TCP proxy (tcp-proxy.py) that stands for
# the network. Never stops the database server itself.
#
# 1. Crash: N P1 applications wait at 校验申请并计算资金缺口 (external tasks), N of them locked as the worker that fetched
#    them just before it died would hold them (15 s lock, as configured), N more not locked; kill -9;
#    restart. Reported: seconds from the restart to "ready", to the unlocked backlog done, to the
#    locked tasks done (target: every case moving within 30 s of the restart).
# 2. Outage: the proxy is killed for OUTAGE seconds. Reported: seconds until readiness says DOWN,
#    status and seconds of a platform API request during the outage, seconds from the proxy's
#    return to readiness UP and a request answered 200.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
CASES=20; BUILD=1; OUTAGE=20
while [ $# -gt 0 ]; do
  case "$1" in
    --cases) CASES=$2; shift ;;
    --outage) OUTAGE=$2; shift ;;
    --no-build) BUILD=0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
PG_ADMIN_URL=${PG_ADMIN_URL:-postgresql://postgres@127.0.0.1:5432/postgres}
PG_HOST=${PG_HOST:-127.0.0.1}; PG_PORT=${PG_PORT:-5432}
APP_PORT=${APP_PORT:-18090}; PROXY_PORT=${PROXY_PORT:-15433}
PASSWORD='Demo!2026fenhe'
TOPIC=p1-validate-application
BASE=http://localhost:$APP_PORT
DB=fenhe_crash_$(date +%s)
OUT=$ROOT/bench/results/failures-$(date -u +%Y%m%dT%H%M%SZ); mkdir -p "$OUT"
log() { echo "[$(date -u +%H:%M:%S)] $*" >&2; }
now_ms() { date +%s%3N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", (b - a) / 1000 }'; }
APP_PID=; PROXY_PID=
cleanup() {
  [ -n "$APP_PID" ] && kill -9 "$APP_PID" 2>/dev/null || true
  [ -n "$PROXY_PID" ] && kill "$PROXY_PID" 2>/dev/null || true
  psql -q "$PG_ADMIN_URL" -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1 || true
}
trap cleanup EXIT

if [ "$BUILD" = 1 ]; then log "building"; mvn -B -ntp -q -o package -DskipTests -DskipLint; fi
JAR=$(ls "$ROOT"/target/fenhe-*.jar | grep -v original | head -1)
psql -q "$PG_ADMIN_URL" -c "CREATE DATABASE $DB" >/dev/null

proxy_up() { python3 "$ROOT/bench/failures/tcp-proxy.py" "$PROXY_PORT" "$PG_HOST" "$PG_PORT" & PROXY_PID=$!; sleep 0.3; }
proxy_down() { kill "$PROXY_PID"; wait "$PROXY_PID" 2>/dev/null || true; PROXY_PID=; }
start_app() {
  SPRING_PROFILES_ACTIVE=demo,postgres FENHE_DB_URL=jdbc:postgresql://127.0.0.1:$PROXY_PORT/$DB FENHE_DB_USER=postgres \
    PORT=$APP_PORT java -Xmx512m -Duser.timezone=UTC -jar "$JAR" "$@" >> "$OUT/app.log" 2>&1 & APP_PID=$!
}
ready() { [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/actuator/health/readiness")" = 200 ]; }
wait_ready() { for _ in $(seq 1 600); do ready && return 0; sleep 0.2; done; echo "not ready" >&2; exit 1; }
api() { curl -s -u "$1:$PASSWORD" -H 'Content-Type: application/json' "${@:2}"; }
open_tasks() { # external tasks of the topic still open, as the technical user sees them
  api admin "$BASE/engine-rest/external-task/count?topicName=$TOPIC" | sed 's/.*"count":\([0-9]*\).*/\1/'
}
make_cases() { # N P1 applications: each waits at 校验申请并计算资金缺口 (an external task)
  local prefix=$1
  local attachments='[\"APPLICATION_REPORT\",\"REFORM_PLAN\",\"LEADING_GROUP_APPROVAL\",\"AUDIT_REPORTS\",\"COST_ESTIMATE\",\"ASSET_REALIZATION_TABLE\",\"OTHER\"]'
  for i in $(seq 1 "$CASES"); do
    api demo-liquidation-team -o /dev/null -X POST "$BASE/engine-rest/process-definition/key/soe-reform-fund/start" \
      -d "{\"businessKey\":\"$prefix-$i\",\"variables\":{
        \"enterpriseName\":{\"value\":\"临汾市第二机械厂\"},\"reformType\":{\"value\":\"LIQUIDATION\"},
        \"onlyEmployeeDebtsDeclared\":{\"value\":true},\"supervisingDepartmentName\":{\"value\":\"临汾市工业和信息化局\"},
        \"legalRepresentative\":{\"value\":\"张建国\"},\"legalRepresentativePhone\":{\"value\":\"0357-2088001\"},
        \"liquidationTeamLeader\":{\"value\":\"李清\"},\"liquidationTeamLeaderPhone\":{\"value\":\"13903570001\"},
        \"employeeCount\":{\"value\":320},\"totalReformCost\":{\"value\":\"5000000.00\"},
        \"assetRealization\":{\"value\":\"1500000.00\"},\"landProceeds\":{\"value\":\"2000000.00\"},
        \"fundPurpose\":{\"value\":\"支付职工安置费用及清算费用\"},
        \"performanceGoals\":{\"value\":\"年内安置职工 320 人，完成简易注销\"},
        \"liquidationCostAmount\":{\"value\":\"60000.00\"},
        \"submittedAttachments\":{\"value\":\"$attachments\",\"type\":\"Json\"}}}"
  done
}

# ---------------------------------------------------------------- 1. crash (kill -9) and restart
proxy_up
log "first start, workers not polling (so the tasks wait)"
start_app --camunda.bpm.client.disable-auto-fetching=true
wait_ready
make_cases CRASH-LOCKED
log "locking $CASES tasks as a worker that then dies"
api fenhe-worker -o /dev/null -X POST "$BASE/engine-rest/external-task/fetchAndLock" \
  -d "{\"workerId\":\"dead-worker\",\"maxTasks\":$CASES,\"topics\":[{\"topicName\":\"$TOPIC\",\"lockDuration\":15000}]}" \
  || api admin -o /dev/null -X POST "$BASE/engine-rest/external-task/fetchAndLock" \
  -d "{\"workerId\":\"dead-worker\",\"maxTasks\":$CASES,\"topics\":[{\"topicName\":\"$TOPIC\",\"lockDuration\":15000}]}"
LOCKED_AT=$(now_ms)
make_cases CRASH-WAITING
TOTAL=$(open_tasks)
log "open external tasks: $TOTAL; kill -9"
kill -9 "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
RESTART=$(now_ms)
start_app
wait_ready; READY=$(now_ms)
BACKLOG_DONE=; ALL_DONE=
while :; do
  left=$(open_tasks)
  if [ -z "$BACKLOG_DONE" ] && [ "${left:-999}" -le "$CASES" ]; then BACKLOG_DONE=$(now_ms); fi
  if [ "${left:-999}" = 0 ]; then ALL_DONE=$(now_ms); break; fi
  [ $(( $(now_ms) - RESTART )) -gt 180000 ] && { echo "tasks still open after 180 s: $left" >&2; break; }
  sleep 0.2
done
{
  echo "crash: $CASES tasks locked $(secs "$LOCKED_AT" "$RESTART") s before kill -9, $CASES more not locked"
  echo "crash: restart -> ready            $(secs "$RESTART" "$READY") s"
  echo "crash: restart -> unlocked done    $(secs "$RESTART" "${BACKLOG_DONE:-0}") s"
  echo "crash: restart -> locked done      $(secs "$RESTART" "${ALL_DONE:-0}") s"
  echo "crash: ready -> unlocked done      $(secs "$READY" "${BACKLOG_DONE:-0}") s"
  echo "crash: ready -> locked done        $(secs "$READY" "${ALL_DONE:-0}") s"
  echo "crash: lock expired $(secs "$RESTART" "$((LOCKED_AT + 15000))") s after the restart"
} | tee "$OUT/results.txt"

# ---------------------------------------------------------------- 2. database outage
log "outage of $OUTAGE s"
DOWN_AT=$(now_ms); proxy_down
SEEN_DOWN=
for _ in $(seq 1 100); do
  if ! ready; then SEEN_DOWN=$(now_ms); break; fi
  sleep 0.2
done
T0=$(now_ms)
STATUS=$(curl -s -o "$OUT/outage-answer.json" -w '%{http_code}' -u "demo-supervisors:$PASSWORD" "$BASE/api/deadlines?size=1")
T1=$(now_ms)
sleep "$(awk -v o="$OUTAGE" -v a="$(secs "$DOWN_AT" "$(now_ms)")" 'BEGIN { s = o - a; print (s > 0 ? s : 0) }')"
UP_AT=$(now_ms); proxy_up
SEEN_UP=; SERVED=
for _ in $(seq 1 600); do
  [ -z "$SEEN_UP" ] && ready && SEEN_UP=$(now_ms)
  if [ -z "$SERVED" ] && [ "$(curl -s -o /dev/null -w '%{http_code}' -u "demo-supervisors:$PASSWORD" "$BASE/api/deadlines?size=1")" = 200 ]; then
    SERVED=$(now_ms)
  fi
  [ -n "$SEEN_UP" ] && [ -n "$SERVED" ] && break
  sleep 0.2
done
{
  echo "outage: readiness DOWN after       $(secs "$DOWN_AT" "${SEEN_DOWN:-0}") s"
  echo "outage: /api/deadlines answered    $STATUS in $(secs "$T0" "$T1") s: $(head -c 200 "$OUT/outage-answer.json")"
  echo "outage: back -> readiness UP       $(secs "$UP_AT" "${SEEN_UP:-0}") s"
  echo "outage: back -> request served     $(secs "$UP_AT" "${SERVED:-0}") s"
} | tee -a "$OUT/results.txt"
