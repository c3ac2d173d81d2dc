#!/usr/bin/env bash
# Load benchmark: builds the mock upstream, the load driver and the apps (-Pbenchmarks), then for each tier runs the
# baselines (the mock's zero-hop ceiling; the direct client if asked for) and each app, and writes
# benchmarks/results/<timestamp>-<app>-<tier>.json plus the run's report (<timestamp>.csv, .md and .svg). Everything
# it starts it stops (trap), on 127.0.0.1 only.
#
#   benchmarks/run.sh                                   # tiers 100 500 1000 2000, fast profile, all four apps
#   TIERS="100 500" APPS="promptkit promptkit-blocking" benchmarks/run.sh
#   PROFILE=realistic benchmarks/run.sh
#   UPSTREAM=ideal benchmarks/run.sh                    # an upstream that never closes a connection
#
# Settings (environment): TIERS, APPS (promptkit promptkit-blocking springai langchain4j; promptkit-blocking is the
# PromptKit app with its blocking-tool profile), BASELINES (ceiling, and/or direct), PROFILE (fast|realistic),
# UPSTREAM (realistic: the server behaviours below, the default; ideal: none of them), and the upstream's server
# behaviours, each 0 for off: UPSTREAM_MAX_IDLE_CONNECTIONS (200: idle keep-alive connections beyond that are closed,
# as the JDK's HttpServer does), UPSTREAM_IDLE_TIMEOUT_SECONDS (30, the JDK's HttpServer; nginx: 75),
# UPSTREAM_MAX_REQUESTS_PER_CONNECTION (1000, nginx's keepalive_requests), UPSTREAM_RESET_AFTER_ACCEPT (0: the
# fraction of requests whose connection is reset as they arrive),
# REQUESTS_PER_CLIENT (10), WARMUP_ROUNDS (3) and WARMUP_MIN (6000): max(WARMUP_ROUNDS × N, WARMUP_MIN) requests
# before measuring, not counted (the JIT needs them: C2 was still taking 40 % of an app's CPU after 1,000), MOCK_PORT (18081), CEILING_PORT (18082), APP_PORT (18090), SKIP_BUILD (1 to reuse the jars), MVN_ARGS (extra Maven arguments, for
# example -o), TIMEOUT_SECONDS (30 per request), STAMP (the run's name; a UTC timestamp by default).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
TIERS="${TIERS:-100 500 1000 2000}"
APPS="${APPS:-promptkit promptkit-blocking springai langchain4j}"
BASELINES="${BASELINES:-ceiling}"
PROFILE="${PROFILE:-fast}"
UPSTREAM="${UPSTREAM:-realistic}"
case "$UPSTREAM" in
    realistic)
        UPSTREAM_MAX_IDLE_CONNECTIONS="${UPSTREAM_MAX_IDLE_CONNECTIONS:-200}"
        UPSTREAM_IDLE_TIMEOUT_SECONDS="${UPSTREAM_IDLE_TIMEOUT_SECONDS:-30}"
        UPSTREAM_MAX_REQUESTS_PER_CONNECTION="${UPSTREAM_MAX_REQUESTS_PER_CONNECTION:-1000}"
        UPSTREAM_RESET_AFTER_ACCEPT="${UPSTREAM_RESET_AFTER_ACCEPT:-0}" ;;
    ideal)
        UPSTREAM_MAX_IDLE_CONNECTIONS=0 UPSTREAM_IDLE_TIMEOUT_SECONDS=0 UPSTREAM_MAX_REQUESTS_PER_CONNECTION=0
        UPSTREAM_RESET_AFTER_ACCEPT=0 ;;
    *) echo "UPSTREAM is realistic or ideal, was $UPSTREAM" >&2; exit 1 ;;
esac
REQUESTS_PER_CLIENT="${REQUESTS_PER_CLIENT:-10}"
WARMUP_ROUNDS="${WARMUP_ROUNDS:-3}"
WARMUP_MIN="${WARMUP_MIN:-6000}"
MOCK_PORT="${MOCK_PORT:-18081}"
CEILING_PORT="${CEILING_PORT:-18082}"
APP_PORT="${APP_PORT:-18090}"
TIMEOUT_SECONDS="${TIMEOUT_SECONDS:-30}"
JVM_FLAGS=(-Xms256m -Xmx1g -XX:+UseG1GC)
results="$here/results"
logs="$results/raw"
stamp="${STAMP:-$(date -u +%Y%m%dT%H%M%SZ)}"
mkdir -p "$results" "$logs"

pids=()
stop() {
    local pid
    for pid in "${pids[@]}"; do
        if kill -0 "$pid" 2>/dev/null; then
            kill "$pid" 2>/dev/null || true
            for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
            kill -9 "$pid" 2>/dev/null || true
        fi
    done
    pids=()
}
trap stop EXIT
trap 'exit 130' INT TERM

# an app's module, jar and arguments: promptkit-blocking is the PromptKit app with its blocking-tool profile
app_module() { if [[ $1 == promptkit-blocking ]]; then echo promptkit-app; else echo "$1-app"; fi; }
app_jar() { local module; module="$(app_module "$1")"; echo "$here/$module/target/$module.jar"; }
app_args() { if [[ $1 == promptkit-blocking ]]; then echo --spring.profiles.active=blocking; fi; }

# waits (at most 60 s) until $1 answers
wait_for() {
    for _ in $(seq 1 120); do
        if curl -s -o /dev/null -m 1 "$1"; then return 0; fi
        sleep 0.5
    done
    echo "no answer from $1 after 60 s" >&2
    return 1
}

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
    echo "building (-Pbenchmarks, no install)"
    modules="benchmarks/mock-upstream,benchmarks/load-driver"
    for module in $(for app in $APPS; do app_module "$app"; done | sort -u); do modules="$modules,benchmarks/$module"; done
    (cd "$root" && ./mvnw -B -q ${MVN_ARGS:-} -Pbenchmarks -pl "$modules" -am package -DskipTests)
fi
mock_jar="$here/mock-upstream/target/mock-upstream.jar"
driver_jar="$here/load-driver/target/load-driver.jar"
for app in $APPS; do
    if [[ ! -f "$(app_jar "$app")" ]]; then
        echo "no $(app_jar "$app"): build it, or leave SKIP_BUILD unset" >&2
        exit 1
    fi
done

for port in "$MOCK_PORT" "$CEILING_PORT" "$APP_PORT"; do
    if curl -s -o /dev/null -m 1 "http://127.0.0.1:$port/"; then
        echo "port $port is already in use on 127.0.0.1; set MOCK_PORT/CEILING_PORT/APP_PORT" >&2
        exit 1
    fi
done

read -r load1 _ < /proc/loadavg
if awk -v l="$load1" 'BEGIN { exit !(l > 1.0) }'; then
    echo "warning: load average $load1 before the run: other work on this machine will skew the figures" >&2
fi

java "${JVM_FLAGS[@]}" -jar "$mock_jar" --host 127.0.0.1 --port "$MOCK_PORT" --profile "$PROFILE" \
    --ceiling-port "$CEILING_PORT" --max-idle-connections "$UPSTREAM_MAX_IDLE_CONNECTIONS" \
    --idle-timeout-seconds "$UPSTREAM_IDLE_TIMEOUT_SECONDS" \
    --max-requests-per-connection "$UPSTREAM_MAX_REQUESTS_PER_CONNECTION" \
    --reset-after-accept "$UPSTREAM_RESET_AFTER_ACCEPT" > "$logs/$stamp-mock-upstream.log" 2>&1 &
mock_pid=$!
pids+=("$mock_pid")
wait_for "http://127.0.0.1:$MOCK_PORT/health"
echo "upstream: $UPSTREAM ($(grep -m1 -o 'connections: .*' "$logs/$stamp-mock-upstream.log"))"

warmup() { # tier
    local rounds=$((WARMUP_ROUNDS * $1))
    echo $((rounds > WARMUP_MIN ? rounds : WARMUP_MIN))
}

drive() { # app tier pid target mode
    local app=$1 tier=$2 pid=$3 target=$4 mode=$5
    java -jar "$driver_jar" --mode "$mode" --target "$target" --concurrency "$tier" \
        --requests $((REQUESTS_PER_CLIENT * tier)) --warmup "$(warmup "$tier")" \
        --timeout-seconds "$TIMEOUT_SECONDS" --pid "$pid" --upstream-pid "$mock_pid" \
        --upstream-stats "http://127.0.0.1:$MOCK_PORT/stats" \
        --app "$app" --profile "$PROFILE" --output "$results/$stamp-$app-$tier.json" \
        2> "$logs/$stamp-driver-$app-$tier.log" | tee -a "$results/$stamp-summary.txt"
}

for tier in $TIERS; do
    for baseline in $BASELINES; do
        case "$baseline" in
            # the zero-hop ceiling: the apps' /chat contract and timeline served by the mock itself, no hop
            ceiling) drive ceiling "$tier" "$mock_pid" "http://127.0.0.1:$CEILING_PORT/chat" app ;;
            # the driver talks to the mock upstream itself, as a client would (its CPU/RSS are the mock's)
            direct) drive direct "$tier" "$mock_pid" "http://127.0.0.1:$MOCK_PORT" direct ;;
            *) echo "BASELINES are ceiling and/or direct, was $baseline" >&2; exit 1 ;;
        esac
    done

    for app in $APPS; do
        # a fresh app per tier, so each tier's peak RSS is its own; the same JVM flags and environment for every app
        OPENAI_API_KEY=benchmark OPENAI_BASE_URL="http://127.0.0.1:$MOCK_PORT/v1" TOOL_URL="http://127.0.0.1:$MOCK_PORT" \
            APP_PORT="$APP_PORT" java "${JVM_FLAGS[@]}" -jar "$(app_jar "$app")" $(app_args "$app") \
            > "$logs/$stamp-$app-$tier.log" 2>&1 &
        app_pid=$!
        pids+=("$app_pid")
        wait_for "http://127.0.0.1:$APP_PORT/"
        drive "$app" "$tier" "$app_pid" "http://127.0.0.1:$APP_PORT/chat" app
        kill "$app_pid"
        for _ in $(seq 1 50); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
    done
done

java -cp "$driver_jar" dev.promptkit.benchmarks.driver.Report "$results" "$stamp"
echo "results: $results/$stamp-*.json, report: $results/$stamp.md"
