#!/usr/bin/env bash
# Soak test (issue 9): CONCURRENCY closed-loop streams against the PromptKit app for DURATION_SECONDS, the mock
# upstream injecting a fault mix (5 % 503 before the first chunk, 1 % resets mid-stream), conversations in Redis.
# Then checks that every successful /chat stored exactly one whole turn and every failed one nothing, that RSS is
# flat after warm-up, and that threads and sockets come back down once the load stops. Writes
# benchmarks/results/<stamp>-soak.json (every figure, the checks, a one-line summary) and prints PASS or FAIL
# (exit status 1 on FAIL). Everything it starts it stops (trap), on 127.0.0.1 only.
#
#   CONCURRENCY=200 DURATION_SECONDS=60 benchmarks/soak.sh       # smoke
#   CONCURRENCY=2000 DURATION_SECONDS=600 benchmarks/soak.sh     # the issue's soak (the defaults)
#   REDIS_CLUSTER=1 CONCURRENCY=200 DURATION_SECONDS=60 benchmarks/soak.sh   # on a Redis Cluster of three masters
#
# REDIS_CLUSTER=1 starts a Redis Cluster of three masters of its own on 127.0.0.1 (ports REDIS_CLUSTER_PORT,
# default 17001, and the two after it; redis-server and redis-cli, which Debian's redis-server package brings), points
# the app at it with spring.data.redis.cluster.nodes (SPRING_DATA_REDIS_CLUSTER_NODES) and nothing else, reads the
# conversations back from every master, and stops it at the end (REDIS_HOST/PORT/DB and KEEP_KEYS do not apply).
#
# Settings (environment): CONCURRENCY (2000), DURATION_SECONDS (600), WARMUP_SECONDS (120: the RSS slope is fitted
# after it), SAMPLE_SECONDS (10), IDLE_SECONDS (60 after the load, before threads and sockets are judged),
# FAIL_BEFORE_FIRST_CHUNK (0.05), RESET_MID_STREAM (0.01), PROFILE (fast|realistic), TIMEOUT_SECONDS (120 per
# request: a closed loop of 2,000 on two cores queues, and a request the driver gives up on may still store its
# turn), MAX_RSS_SLOPE (5 MB/min), THREAD_TOLERANCE (8), SOCKET_TOLERANCE (8), MOCK_PORT (18181), APP_PORT (18190),
# REDIS_HOST (127.0.0.1), REDIS_PORT (6379), REDIS_DB (5: flushed before the run, and after the check unless
# KEEP_KEYS=1), SKIP_BUILD (1 to reuse the jars), MVN_ARGS, STAMP.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
CONCURRENCY="${CONCURRENCY:-2000}"
DURATION_SECONDS="${DURATION_SECONDS:-600}"
WARMUP_SECONDS="${WARMUP_SECONDS:-120}"
SAMPLE_SECONDS="${SAMPLE_SECONDS:-10}"
IDLE_SECONDS="${IDLE_SECONDS:-60}"
FAIL_BEFORE_FIRST_CHUNK="${FAIL_BEFORE_FIRST_CHUNK:-0.05}"
RESET_MID_STREAM="${RESET_MID_STREAM:-0.01}"
PROFILE="${PROFILE:-fast}"
TIMEOUT_SECONDS="${TIMEOUT_SECONDS:-120}"
MAX_RSS_SLOPE="${MAX_RSS_SLOPE:-5}"
THREAD_TOLERANCE="${THREAD_TOLERANCE:-8}"
SOCKET_TOLERANCE="${SOCKET_TOLERANCE:-8}"
MOCK_PORT="${MOCK_PORT:-18181}"
APP_PORT="${APP_PORT:-18190}"
REDIS_HOST="${REDIS_HOST:-127.0.0.1}"
REDIS_PORT="${REDIS_PORT:-6379}"
REDIS_DB="${REDIS_DB:-5}"
REDIS_CLUSTER="${REDIS_CLUSTER:-0}"
REDIS_CLUSTER_PORT="${REDIS_CLUSTER_PORT:-17001}"
JVM_FLAGS=(-Xms256m -Xmx1g -XX:+UseG1GC)
results="$here/results"
logs="$results/raw"
stamp="${STAMP:-$(date -u +%Y%m%dT%H%M%SZ)}"
mkdir -p "$results" "$logs"
case "$PROFILE" in
    fast) answer_chunks=10 ;;
    realistic) answer_chunks=30 ;;
    *) echo "PROFILE is fast or realistic, was $PROFILE" >&2; exit 2 ;;
esac
command_line="CONCURRENCY=$CONCURRENCY DURATION_SECONDS=$DURATION_SECONDS benchmarks/soak.sh"
if [[ "$REDIS_CLUSTER" == 1 ]]; then command_line="REDIS_CLUSTER=1 $command_line"; fi

pids=()
cluster_pids=()
cluster_dir=""
# stops the processes in the array named $1
stop_all() {
    local -n list="$1"
    local pid
    for pid in "${list[@]}"; do
        if kill -0 "$pid" 2>/dev/null; then
            kill "$pid" 2>/dev/null || true
            for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
            kill -9 "$pid" 2>/dev/null || true
        fi
    done
    list=()
}
stop() { stop_all pids; }
stop_everything() {
    stop_all pids
    stop_all cluster_pids
    if [[ -n "$cluster_dir" ]]; then rm -rf "$cluster_dir"; fi
}
trap stop_everything EXIT
trap 'exit 130' INT TERM

# waits (at most 60 s) until $1 answers
wait_for() {
    for _ in $(seq 1 120); do
        if curl -s -o /dev/null -m 1 "$1"; then return 0; fi
        sleep 0.5
    done
    echo "no answer from $1 after 60 s" >&2
    return 1
}

redis() { redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" "$@"; }

cluster_nodes=""
if [[ "$REDIS_CLUSTER" == 1 ]]; then
    # a Redis Cluster of its own: three masters, 16384 slots shared by redis-cli, gone after the run
    cluster_dir="$(mktemp -d)"
    for port in $(seq "$REDIS_CLUSTER_PORT" $((REDIS_CLUSTER_PORT + 2))); do
        if redis-cli -p "$port" ping >/dev/null 2>&1; then
            echo "port $port is already in use on 127.0.0.1; set REDIS_CLUSTER_PORT" >&2
            exit 1
        fi
        redis-server --port "$port" --bind 127.0.0.1 --cluster-enabled yes --cluster-config-file "nodes-$port.conf" \
            --dir "$cluster_dir" --save "" --appendonly no > "$logs/$stamp-soak-redis-$port.log" 2>&1 &
        cluster_pids+=($!)
        cluster_nodes+="${cluster_nodes:+,}127.0.0.1:$port"
        for _ in $(seq 1 50); do redis-cli -p "$port" ping >/dev/null 2>&1 && break; sleep 0.1; done
    done
    redis-cli --cluster create ${cluster_nodes//,/ } --cluster-replicas 0 --cluster-yes > /dev/null
    for port in $(seq "$REDIS_CLUSTER_PORT" $((REDIS_CLUSTER_PORT + 2))); do
        for _ in $(seq 1 100); do
            redis-cli -p "$port" cluster info | grep -q "cluster_state:ok" && break
            sleep 0.1
        done
    done
    echo "Redis Cluster on $cluster_nodes"
    REDIS_PORT="$REDIS_CLUSTER_PORT"
# Redis: as .ci/run starts it when none answers (no persistence: the soak's keys are checked, then flushed next time)
elif ! redis ping >/dev/null 2>&1; then
    if [[ "$REDIS_HOST" != 127.0.0.1 ]] || ! command -v redis-server >/dev/null 2>&1; then
        echo "no Redis answers on $REDIS_HOST:$REDIS_PORT" >&2
        exit 1
    fi
    echo "starting redis-server on 127.0.0.1:$REDIS_PORT"
    redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no
    for _ in $(seq 1 50); do redis ping >/dev/null 2>&1 && break; sleep 0.1; done
    redis ping >/dev/null
fi
# the soak's database only: other databases (the tests use 0) are left alone
if [[ -z "$cluster_nodes" ]]; then
    redis -n "$REDIS_DB" FLUSHDB >/dev/null
fi

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
    echo "building (-Pbenchmarks, no install)"
    (cd "$root" && ./mvnw -B -q ${MVN_ARGS:-} -Pbenchmarks \
        -pl benchmarks/mock-upstream,benchmarks/load-driver,benchmarks/promptkit-app -am package -DskipTests)
fi
mock_jar="$here/mock-upstream/target/mock-upstream.jar"
driver_jar="$here/load-driver/target/load-driver.jar"
app_jar="$here/promptkit-app/target/promptkit-app.jar"

for port in "$MOCK_PORT" "$APP_PORT"; do
    if curl -s -o /dev/null -m 1 "http://127.0.0.1:$port/"; then
        echo "port $port is already in use on 127.0.0.1; set MOCK_PORT/APP_PORT" >&2
        exit 1
    fi
done

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
java "${JVM_FLAGS[@]}" -jar "$mock_jar" --host 127.0.0.1 --port "$MOCK_PORT" --profile "$PROFILE" \
    --fail-before-first-chunk "$FAIL_BEFORE_FIRST_CHUNK" --reset-mid-stream "$RESET_MID_STREAM" \
    > "$logs/$stamp-soak-mock-upstream.log" 2>&1 &
mock_pid=$!
pids+=("$mock_pid")
wait_for "http://127.0.0.1:$MOCK_PORT/health"

# the run.sh flags, plus a GC log (heap after each GC: the RSS slope's explanation)
gc_log="$logs/$stamp-soak-app-gc.log"
app_env=(OPENAI_API_KEY=benchmark OPENAI_BASE_URL="http://127.0.0.1:$MOCK_PORT/v1" TOOL_URL="http://127.0.0.1:$MOCK_PORT"
    APP_PORT="$APP_PORT" REDIS_HOST="$REDIS_HOST" REDIS_PORT="$REDIS_PORT" REDIS_DATABASE="$REDIS_DB")
if [[ -n "$cluster_nodes" ]]; then
    app_env+=(SPRING_DATA_REDIS_CLUSTER_NODES="$cluster_nodes")
fi
env "${app_env[@]}" java "${JVM_FLAGS[@]}" "-Xlog:gc:file=$gc_log:uptime" -jar "$app_jar" --spring.profiles.active=redis \
    > "$logs/$stamp-soak-app.log" 2>&1 &
app_pid=$!
pids+=("$app_pid")
wait_for "http://127.0.0.1:$APP_PORT/"

echo "soak: $CONCURRENCY streams for $DURATION_SECONDS s, 503 before the first chunk $FAIL_BEFORE_FIRST_CHUNK, reset mid-stream $RESET_MID_STREAM"
java -jar "$driver_jar" --mode app --target "http://127.0.0.1:$APP_PORT/chat" --concurrency "$CONCURRENCY" \
    --duration-seconds "$DURATION_SECONDS" --warmup-seconds "$WARMUP_SECONDS" --sample-seconds "$SAMPLE_SECONDS" \
    --idle-seconds "$IDLE_SECONDS" --timeout-seconds "$TIMEOUT_SECONDS" --pid "$app_pid" --upstream-pid "$mock_pid" \
    --upstream-port "$MOCK_PORT" --redis-port "$REDIS_PORT" --gc-log "$gc_log" --app promptkit --profile "$PROFILE" \
    --ids-file "$logs/$stamp-soak-ids.txt" --output "$logs/$stamp-soak-driver.json" \
    2> "$logs/$stamp-soak-driver.log"
curl -s -m 5 "http://127.0.0.1:$MOCK_PORT/stats" > "$logs/$stamp-soak-upstream-stats.json"
for name in app mock; do
    pid_var="${name}_pid"
    if ! kill -0 "${!pid_var}" 2>/dev/null; then
        set +e
        wait "${!pid_var}"
        status=$?
        set -e
        echo "the $name (pid ${!pid_var}) ended during the soak, exit status $status (143: SIGTERM, 137: SIGKILL)" >&2
    fi
done

# the app and the mock stop before the check: nothing writes to Redis while it is read
stop

set +e
java -cp "$driver_jar" dev.promptkit.benchmarks.driver.SoakCheck --driver "$logs/$stamp-soak-driver.json" \
    --ids "$logs/$stamp-soak-ids.txt" --redis-host "$REDIS_HOST" --redis-port "$REDIS_PORT" --redis-db "$REDIS_DB" \
    ${cluster_nodes:+--redis-cluster "$cluster_nodes"} \
    --key-prefix promptkit --answer-chunks "$answer_chunks" --upstream-stats "$logs/$stamp-soak-upstream-stats.json" \
    --max-rss-slope "$MAX_RSS_SLOPE" --thread-tolerance "$THREAD_TOLERANCE" --socket-tolerance "$SOCKET_TOLERANCE" \
    --stamp "$stamp" --command "$command_line" --output "$results/$stamp-soak.json"
verdict=$?
set -e
# the soak leaves some 2 KB of Redis memory per turn (about 1 GB after 10 minutes at 2,000 streams): its database
# is flushed once checked, unless KEEP_KEYS=1
if [[ "${KEEP_KEYS:-0}" != 1 && -z "$cluster_nodes" ]]; then
    redis -n "$REDIS_DB" FLUSHDB >/dev/null
fi
echo "result: $results/$stamp-soak.json (logs in $logs/$stamp-soak-*)"
exit $verdict
