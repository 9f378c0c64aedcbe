#!/usr/bin/env bash
# Startup benchmark (issue 4): time from `java` to GET /q/health/ready answering 200, on an existing database, with
# and without the class archive that `package` writes (target/quarkus-app/app-cds.jsa), RUNS times each,
# interleaved. The server gets the options ScaleBenchmark gives it (-Xmx512m, a bench admin password and keys).
# Prints each start with Quarkus's own "started in", the CPU seconds the server used until then and the load average;
# asserts nothing. Target: <= 5 s.
#
# The readiness check is polled with bash's own /dev/tcp, not a process per try: on two cores, starting curl every
# 50 ms took CPU from the starting server and added 0.8-1.3 s to the figure (2026-11-28, 18:10).
#
#   ./mvnw package -DskipTests && bench/startup.sh /tmp/bench-final/data     (the data dir of a bench/scale.sh run)
#   RUNS=5 APP=/tmp/final-build/target/quarkus-app bench/startup.sh /tmp/bench-final/data
#
# Stop any server on that H2 file first: H2 locks it. The archive names the jar by its absolute path, so APP must
# be the directory `package` wrote it in (a moved copy starts without it, and says so in the log).
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${1:?usage: bench/startup.sh <declass.data-dir>}
APP=${APP:-$PWD/target/quarkus-app}
RUNS=${RUNS:-3}
PORT=${PORT:-8093}
LOG=$(mktemp)
trap 'rm -f "$LOG"' EXIT

exec 9<> <(:)

ready() { # GET /q/health/ready answers 200, asked through bash's /dev/tcp (no process started)
  local status
  { exec 3<>"/dev/tcp/127.0.0.1/$PORT"; } 2>/dev/null || return 1
  printf 'GET /q/health/ready HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
  read -r -t 2 _ status _ <&3 || status=
  exec 3<&- 3>&-
  [ "$status" = 200 ]
}

start() { # $1: yes = with the class archive
  local cds=() s e pid
  [ "$1" = yes ] && cds=(-XX:SharedArchiveFile="$APP/app-cds.jsa")
  s=$(date +%s%N)
  java "${cds[@]}" -Xmx512m -Ddeclass.data-dir="$DATA" -Ddeclass.admin.initial-password=bench-admin-password-1 \
    -Ddeclass.audit.checkpoint-key=bench-only-checkpoint-key-0123456789 \
    -Dquarkus.http.auth.session.encryption-key=bench-only-session-key-0123456789abcdef0123 \
    -Dquarkus.http.port="$PORT" -jar "$APP/quarkus-run.jar" >"$LOG" 2>&1 &
  pid=$!
  until ready; do
    kill -0 "$pid" 2>/dev/null || { echo "the server stopped:"; tail -20 "$LOG"; exit 1; }
    read -r -t 0.05 -u 9 _ || true # a 50 ms pause without starting a process (fd 9: a pipe nobody writes)
  done
  e=$(date +%s%N)
  local cpu ticks
  read -r -a stat <"/proc/$pid/stat"
  ticks=$(getconf CLK_TCK)
  cpu=$(echo "(${stat[13]} + ${stat[14]}) / $ticks" | bc -l)
  printf "archive %-3s ready %5.2f s  cpu %5.2f s  (Quarkus: %s)  load %s\n" "$1" \
    "$(echo "($e - $s) / 1000000000" | bc -l)" "$cpu" \
    "$(grep -o 'started in [0-9.]*s' "$LOG" || echo '?')" "$(cut -d' ' -f1-3 /proc/loadavg)"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

echo "startup on $DATA, $(date -u '+%F %T') UTC"
for _ in $(seq "$RUNS"); do
  start yes
  start no
done
