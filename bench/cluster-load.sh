#!/usr/bin/env bash
# Two instances behind nginx (issue 17): the PostgreSQL build of Declass, one database, the nginx sample of
# deploy/nginx/declass.conf (Debian's nginx, TLS with a throw-away certificate), under 64 connections on the
# reading room and on the cable list. Prints wrk's throughput and p99 with one instance behind nginx, then with
# two, and the machine's load; asserts nothing.
#
#   ./mvnw package -DskipTests -Ppg && cp -r target/quarkus-app /tmp/cluster-app
#   APP=/tmp/cluster-app bench/cluster-load.sh                  (N=2000 generated cables, all released)
#   N=5000 DURATION=30s APP=/tmp/cluster-app bench/cluster-load.sh
#
# Needs: PostgreSQL 15 running locally with the role declass (password declass) as .ci/run sets it up, and the
# Debian packages nginx-light (or nginx), wrk and openssl (`apt-get install -y nginx-light wrk openssl`).
# First run: drops and creates the database $DB, generates N invented cables, imports them, and starts instance 1
# in demo mode with declass.demo.releases=N+30, so that it takes every cable it can (SECRET and below) through
# review, approval and release at start; instance 2 then starts on the same database without demo mode. Later runs
# reuse the database ($WORK/imported). The instances share the session and audit keys, as deploy/docker-compose.yml
# makes them, and trust nginx's X-Forwarded-* headers (DECLASS_BEHIND_PROXY).
set -euo pipefail
cd "$(dirname "$0")/.."
APP=${APP:-target/quarkus-app}
JAR=$APP/quarkus-run.jar
N=${N:-2000}
DB=${DB:-declass_cluster_bench}
WORK=${WORK:-/tmp/declass-cluster-bench}
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
HEAP=${HEAP:-512m}
PORT1=8091 PORT2=8092 HTTPS=8443 PLAIN=8180
URL="jdbc:postgresql://localhost:5432/$DB"

for tool in wrk nginx openssl psql; do
  command -v "$tool" >/dev/null || PATH=$PATH:/usr/sbin command -v "$tool" >/dev/null || {
    echo "$tool missing: apt-get install -y nginx-light wrk openssl postgresql-client" >&2; exit 2; }
done
NGINX=$(PATH=$PATH:/usr/sbin command -v nginx)
[ -f "$JAR" ] || { echo "no $JAR: ./mvnw package -DskipTests -Ppg first" >&2; exit 2; }
ls "$APP"/lib/main/ | grep -q '^org.postgresql' \
  || { echo "$APP is the H2 build: build it with -Ppg (the database kind is fixed at build time)" >&2; exit 2; }

mkdir -p "$WORK"
export DECLASS_SESSION_KEY=${DECLASS_SESSION_KEY:-$(cat "$WORK/session.key" 2>/dev/null || openssl rand -hex 32 | tee "$WORK/session.key")}
export DECLASS_AUDIT_KEY=${DECLASS_AUDIT_KEY:-$(cat "$WORK/audit.key" 2>/dev/null || openssl rand -hex 32 | tee "$WORK/audit.key")}
export DECLASS_DB_URL=$URL DECLASS_DB_USER=declass DECLASS_DB_PASSWORD=declass
export DECLASS_ADMIN_PASSWORD=${DECLASS_ADMIN_PASSWORD:-cluster-bench-admin-1}
export DECLASS_BEHIND_PROXY=true QUARKUS_HTTP_PROXY_TRUSTED_PROXIES=127.0.0.1
# the cable list is read with HTTP Basic as the demo reviewer, which production refuses to roles that need a
# second factor; this invented data set lifts that on both instances, as demo mode does on the first
JVM=(-Xmx"$HEAP" -Dquarkus.profile=prod,pg -Ddeclass.session.second-factor-roles=)

PIDS=()
cleanup() {
  [ -f "$WORK/nginx/nginx.pid" ] && "$NGINX" -p "$WORK/nginx" -c nginx.conf -s stop 2>/dev/null || true
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT

if [ ! -f "$WORK/imported" ]; then
  su postgres -c "psql -qc 'drop database if exists $DB'"
  su postgres -c "psql -qc 'create database $DB owner declass'"
  rm -rf "$WORK/cables" "$WORK/data-import"
  java -jar "$JAR" generate --count "$N" --seed 17 --out "$WORK/cables"
  java "${JVM[@]}" -Ddeclass.data-dir="$WORK/data-import" -jar "$JAR" import "$WORK/cables"
  FIRST_RUN=yes
fi

start() { # name port management-port extra-options...
  local name=$1 port=$2 mport=$3
  shift 3
  java "${JVM[@]}" -Ddeclass.data-dir="$WORK/data-$name" -Dquarkus.http.port="$port" \
       -Dquarkus.management.port="$mport" "$@" -jar "$JAR" > "$WORK/$name.log" 2>&1 &
  PIDS+=($!)
  local pid=$!
  for _ in $(seq 1 1800); do
    curl -fs "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1 && { echo "$name ready on port $port"; return; }
    kill -0 "$pid" 2>/dev/null || { echo "$name stopped:"; tail -30 "$WORK/$name.log"; exit 1; }
    sleep 1
  done
  echo "$name did not become ready"; exit 1
}

echo "starting instance 1 (the first start releases the generated cables: minutes)"
if [ "${FIRST_RUN:-}" = yes ]; then
  start one "$PORT1" 9091 -Ddeclass.demo=true -Ddeclass.demo.releases=$((N + 30))
  touch "$WORK/imported"
else
  start one "$PORT1" 9091
fi
start two "$PORT2" 9092
LIST_AUTH="Authorization: Basic $(printf 'reviewer:demo' | base64)"
# both instances warmed the same way before anything is measured (JIT, caches, the remembered password check), so
# that "two instances" does not measure a cold second JVM
for port in "$PORT1" "$PORT2"; do
  wrk -t2 -c16 -d10s "http://127.0.0.1:$port/reading-room" >/dev/null
  wrk -t2 -c16 -d5s "http://127.0.0.1:$port/reading-room?q=embassy" >/dev/null
  wrk -t2 -c16 -d10s -H "$LIST_AUTH" "http://127.0.0.1:$port/api/cables?size=20" >/dev/null
done

# nginx: the sample as shipped, with the upstream, ports, certificate and log paths of this run
mkdir -p "$WORK/nginx/tls" "$WORK/nginx/logs" "$WORK/nginx/tmp"
chmod 777 "$WORK/nginx/tmp"
[ -f "$WORK/nginx/tls/declass.key" ] || openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=localhost \
  -keyout "$WORK/nginx/tls/declass.key" -out "$WORK/nginx/tls/declass.crt" 2>/dev/null
site() { # the upstream's server lines
  UPSTREAM="$1" awk '/^upstream declass \{/ { print "upstream declass {"; print ENVIRON["UPSTREAM"]; skip = 1; next }
                     skip && /^ *keepalive / { print; next }
                     skip && /^\}/ { skip = 0; print; next }
                     !skip { print }' deploy/nginx/declass.conf \
    | sed -e "s#listen 80;#listen $PLAIN;#" -e "s#listen 443 ssl#listen $HTTPS ssl#" \
          -e "s#/etc/nginx/tls/#$WORK/nginx/tls/#" -e "s#/var/log/nginx/#$WORK/nginx/logs/#"
}
cat > "$WORK/nginx/nginx.conf" <<CONF
worker_processes auto;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/logs/error.log warn;
events { worker_connections 4096; }
http {
    client_body_temp_path $WORK/nginx/tmp/body;
    proxy_temp_path $WORK/nginx/tmp/proxy;
    fastcgi_temp_path $WORK/nginx/tmp/fastcgi;
    uwsgi_temp_path $WORK/nginx/tmp/uwsgi;
    scgi_temp_path $WORK/nginx/tmp/scgi;
    include $WORK/nginx/site.conf;
}
CONF

results=()
measure() { # label
  local label=$1 out
  "$NGINX" -p "$WORK/nginx" -c nginx.conf -t -q
  if [ -f "$WORK/nginx/nginx.pid" ] && kill -0 "$(cat "$WORK/nginx/nginx.pid")" 2>/dev/null; then
    "$NGINX" -p "$WORK/nginx" -c nginx.conf -s reload; sleep 1
  else
    "$NGINX" -p "$WORK/nginx" -c nginx.conf
  fi
  local base="https://localhost:$HTTPS"
  wrk -t2 -c16 -d5s "$base/reading-room" >/dev/null
  wrk -t2 -c16 -d5s -H "$LIST_AUTH" "$base/api/cables?size=20" >/dev/null
  for target in "reading room|$base/reading-room|" "reading room search|$base/reading-room?q=embassy|" \
                "cable list (reviewer)|$base/api/cables?size=20|$LIST_AUTH"; do
    IFS='|' read -r what url header <<< "$target"
    echo; echo "== $label: $what, $CONNECTIONS connections, $DURATION ($(date -u +%H:%M:%S), load $(cut -d' ' -f1-3 /proc/loadavg))"
    if [ -n "$header" ]; then
      out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H "$header" "$url")
    else
      out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$url")
    fi
    echo "$out"
    local rps p99 errors
    rps=$(awk '/Requests\/sec/ {print $2}' <<< "$out")
    p99=$(awk '$1 == "99%" {print $2}' <<< "$out")
    errors=$(grep -E 'Non-2xx|Socket errors' <<< "$out" | tr -s ' ' | paste -sd';' - || true)
    results+=("$(printf '%-14s %-24s %10s req/s   p99 %8s   %s' "$label" "$what" "$rps" "$p99" "${errors:-no errors}")")
  done
}

site "    server 127.0.0.1:$PORT1 max_fails=2 fail_timeout=10s;" > "$WORK/nginx/site.conf"
measure "one instance"
site "    server 127.0.0.1:$PORT1 max_fails=2 fail_timeout=10s;
    server 127.0.0.1:$PORT2 max_fails=2 fail_timeout=10s;" > "$WORK/nginx/site.conf"
measure "two instances"

echo
echo "== summary ($(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); nginx $("$NGINX" -v 2>&1 | sed 's/.*\///'))"
printf '%s\n' "${results[@]}"
