#!/usr/bin/env bash
# A real Keycloak for the single sign-on tests (src/test/java/org/declass/sso), with the realm of
# deploy/keycloak/declass-realm.json imported at start. Test use only: dev mode, an embedded database thrown away
# at every start, plain HTTP, the test client secret and passwords of the realm file.
#
#   deploy/keycloak/start-test-keycloak.sh [start]   starts it (or finds it running), waits until the realm answers,
#                                                  and prints the realm's URL (DECLASS_TEST_KEYCLOAK_URL) last
#   deploy/keycloak/start-test-keycloak.sh stop      stops the Keycloak this script started on that port
#
# Settings (environment): DECLASS_KEYCLOAK_PORT (18180), KEYCLOAK_JAVA_HOME (Temurin 25; Keycloak 26 needs Java
# 21 or later), DECLASS_KEYCLOAK_STATE (where it is unpacked and logs: ${TMPDIR:-/tmp}/declass-keycloak-PORT),
# DECLASS_KEYCLOAK_WAIT (seconds to wait for it to answer: 420).
# The distribution is org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip from Maven Central, taken from the local
# Maven repository, fetched there by the project's Maven wrapper when missing.
set -euo pipefail

KC_VERSION=26.5.6
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
PORT=${DECLASS_KEYCLOAK_PORT:-18180}
JAVA_HOME_KC=${KEYCLOAK_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
STATE=${DECLASS_KEYCLOAK_STATE:-${TMPDIR:-/tmp}/declass-keycloak-$PORT}
WAIT=${DECLASS_KEYCLOAK_WAIT:-420}
REALM_URL="http://localhost:$PORT/realms/declass"
M2=${MAVEN_REPO:-$HOME/.m2/repository}
ZIP="$M2/org/keycloak/keycloak-quarkus-dist/$KC_VERSION/keycloak-quarkus-dist-$KC_VERSION.zip"

log() { echo "keycloak: $*" >&2; }

answers() {
  curl -fsS -o /dev/null --max-time 5 "$REALM_URL/.well-known/openid-configuration" 2>/dev/null
}

stop() {
  if [ -f "$STATE/pid" ]; then
    pid=$(cat "$STATE/pid")
    # kc.sh runs in its own session (setsid below); end that process group: kc.sh and the JVM it started
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
      for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
      kill -KILL -- "-$pid" 2>/dev/null || true
      log "stopped (process group $pid)"
    fi
    rm -f "$STATE/pid"
  fi
}

start() {
  if answers; then
    log "already answering on port $PORT"
    echo "$REALM_URL"
    return 0
  fi
  [ -x "$JAVA_HOME_KC/bin/java" ] || { log "no Java at $JAVA_HOME_KC (set KEYCLOAK_JAVA_HOME; Java 21+)"; exit 1; }
  command -v curl >/dev/null || { log "curl is needed to see when it answers"; exit 1; }
  if [ ! -f "$ZIP" ]; then
    log "fetching keycloak-quarkus-dist $KC_VERSION into the local Maven repository"
    (cd "$ROOT" && ./mvnw -q -B dependency:get -Dartifact="org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip" \
      -Dtransitive=false >&2)
  fi
  mkdir -p "$STATE"
  home="$STATE/keycloak-$KC_VERSION"
  if [ ! -x "$home/bin/kc.sh" ]; then
    log "unpacking into $STATE"
    rm -rf "$home"
    if command -v unzip >/dev/null; then
      unzip -q "$ZIP" -d "$STATE"
    else # the JDK's jar tool unpacks a zip too, without the executable bits
      (cd "$STATE" && "$JAVA_HOME_KC/bin/jar" xf "$ZIP")
      chmod +x "$home"/bin/*.sh
    fi
  fi
  # a fresh embedded database at every start: the realm file is the whole truth
  rm -rf "$home/data"
  mkdir -p "$home/data/import"
  cp "$ROOT/deploy/keycloak/declass-realm.json" "$home/data/import/"
  log "starting on port $PORT (log: $STATE/keycloak.log)"
  JAVA_HOME="$JAVA_HOME_KC" JAVA_OPTS_KC_HEAP="-Xms64m -Xmx512m" \
    setsid "$home/bin/kc.sh" start-dev --http-port="$PORT" --import-realm \
      --health-enabled=false --metrics-enabled=false > "$STATE/keycloak.log" 2>&1 < /dev/null &
  echo $! > "$STATE/pid"
  for _ in $(seq 1 "$WAIT"); do
    if answers; then
      log "realm declass answers at $REALM_URL"
      echo "$REALM_URL"
      return 0
    fi
    if ! kill -0 "$(cat "$STATE/pid")" 2>/dev/null; then
      log "it stopped before answering; the end of its log:"; tail -40 "$STATE/keycloak.log" >&2
      exit 1
    fi
    sleep 1
  done
  log "no answer after $WAIT s; the end of its log:"; tail -40 "$STATE/keycloak.log" >&2
  stop
  exit 1
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 [start|stop]" >&2; exit 2 ;;
esac
