#!/usr/bin/env bash
# Scale benchmark (issue 4): runs org.declass.bench.ScaleBenchmark, which generates N cables, imports them with the
# packaged jar into a fresh database, inserts them again with raw JDBC, starts the packaged server and times its
# lists, details and searches (docs/performance.md, "The benchmark"). It measures and prints; it asserts nothing.
#
# The benchmark is not part of the shipped application: it lives in the test sources (src/test/java/org/declass/bench),
# which `package` compiles to target/test-classes but does not put into target/quarkus-app. It runs on the packaged
# application's classes and libraries, with the test classes last on the class path.
#
#   ./mvnw package -DskipTests && bench/scale.sh --count 251287 --work /tmp/bench-h2
#   ./mvnw package -DskipTests -Ppg && bench/scale.sh --count 251287 --work /tmp/bench-pg \
#       --pg-url jdbc:postgresql://localhost:5432/declass_bench
#   APP=/tmp/bench-app bench/scale.sh --jar /tmp/bench-app/quarkus-run.jar ...   (a copy of target/quarkus-app)
#
# Options (ScaleBenchmark's own): --count N --seed S --work DIR --pg-url URL --jar JAR --requests N --budget SECONDS
# --xmx SIZE --reuse-import; --help prints them.
set -euo pipefail
cd "$(dirname "$0")/.."
APP=${APP:-target/quarkus-app}
TEST_CLASSES=${TEST_CLASSES:-target/test-classes}
if [[ ! -f "$TEST_CLASSES/org/declass/bench/ScaleBenchmark.class" ]]; then
  echo "no $TEST_CLASSES/org/declass/bench/ScaleBenchmark.class: run ./mvnw package -DskipTests first" >&2
  exit 2
fi
exec java -cp "$APP/app/*:$APP/lib/main/*:$TEST_CLASSES" org.declass.bench.ScaleBenchmark "$@"
