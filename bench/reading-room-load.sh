#!/usr/bin/env bash
# Reading-room load benchmark (issue 6): a reading-room page at 64 concurrent connections against the packaged jar,
# next to a trivial endpoint of the same app measured in the same run. Prints wrk's figures and the machine load;
# asserts nothing. Targets: reading-room p99 <= 20 ms, throughput >= half the trivial endpoint's.
#
#   ./mvnw package -DskipTests && bench/reading-room-load.sh            (N=2000 generated cables by default)
#   N=5000 DURATION=30s bench/reading-room-load.sh
#
# First run: generates N invented cables, imports them into a fresh H2 database under $WORK, then starts the server
# in demo mode with declass.demo.releases=N+30, so that release.DemoReleases takes every cable it can (SECRET and
# below) through review, approval and ReleaseService.release at start. Later runs reuse that database.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-2000}
WORK=${WORK:-/tmp/declass-reading-room-bench}
PORT=${PORT:-8089}
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
JAR=target/quarkus-app/quarkus-run.jar
BASE=http://localhost:$PORT

command -v wrk >/dev/null || { echo "wrk missing: apt-get install -y wrk"; exit 1; }
[ -f "$JAR" ] || ./mvnw -q -B package -DskipTests

if [ ! -f "$WORK/data/declass.mv.db" ]; then
  rm -rf "$WORK" && mkdir -p "$WORK"
  java -jar "$JAR" generate --count "$N" --seed 6 --out "$WORK/cables"
  java -Xmx1g -Ddeclass.data-dir="$WORK/data" -jar "$JAR" import "$WORK/cables"
fi

java -Xmx1g -Ddeclass.data-dir="$WORK/data" -Ddeclass.demo=true -Ddeclass.demo.releases=$((N + 30)) \
     -Dquarkus.http.port="$PORT" -jar "$JAR" > "$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
echo "server pid $SERVER, waiting for $BASE/q/health/ready (releasing cables at first start takes a while)"
for _ in $(seq 1 1800); do
  curl -fs "$BASE/q/health/ready" >/dev/null 2>&1 && break
  kill -0 $SERVER 2>/dev/null || { echo "server stopped:"; tail -30 "$WORK/server.log"; exit 1; }
  sleep 1
done
grep -h 'demo cables reviewed' "$WORK/server.log" || true
RELEASED=$(curl -fs "$BASE/api/releases?size=1" | sed -E 's/.*"total":([0-9]+).*/\1/')
echo "released cables in the reading room: $RELEASED"

cat > "$WORK/mixed.lua" <<'LUA'
-- many distinct queries (word x year x month x page), so that most requests miss the reading room's answer cache
local words = {"embassy", "minister", "government", "officials", "ambassador", "economic", "political",
               "security", "elections", "trade", "energy", "police", "court", "party", "president", "border"}
request = function()
  local w = words[math.random(#words)]
  local y = math.random(1990, 2010)
  local m = math.random(1, 12)
  return wrk.format("GET", string.format("/reading-room?q=%s&from=%d-%02d-01&page=%d", w, y, m, math.random(0, 2)))
end
LUA

run() {
  echo
  echo "== $1"
  shift
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@"
}
# warm-up (JIT, caches)
wrk -t2 -c16 -d5s "$BASE/reading-room" >/dev/null
wrk -t2 -c16 -d5s "$BASE/q/health/live" >/dev/null
wrk -t2 -c16 -d5s -s "$WORK/mixed.lua" "$BASE" >/dev/null

date -u
uptime
run "trivial endpoint /q/health/live" "$BASE/q/health/live"
uptime
run "reading room, first page /reading-room" "$BASE/reading-room"
uptime
run "reading room, word search /reading-room?q=embassy" "$BASE/reading-room?q=embassy"
uptime
run "reading room API /api/releases?q=minister" "$BASE/api/releases?q=minister"
uptime
run "reading room, mixed queries (mostly cache misses)" -s "$WORK/mixed.lua" "$BASE"
uptime
