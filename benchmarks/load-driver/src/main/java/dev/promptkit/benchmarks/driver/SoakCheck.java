/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.benchmarks.driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The soak's verdict: reads every conversation the app stored in the soak's Redis database (or Redis Cluster) back,
 * checks each against the driver's outcome for the request that opened it (the {@code X-Conversation-Id} of each
 * request, in the driver's ids file), and judges the driver's process figures. Writes {@code <stamp>-soak.json} with
 * every figure, the checks and a one-line summary, prints the summary and exits 1 on FAIL.
 *
 * <p>A conversation of this benchmark is one turn, four messages, in the order PromptKit stores them
 * ({@code StateSaveStage}: the turn's new messages in one atomic append): the user's question; the assistant's
 * {@code lookup_order} tool call; the tool result; the assistant's answer ({@code chunk-1 … chunk-N}, finish
 * reason {@code stop}). Its meta key counts 4 messages, its metadata hash names the prompt. Each conversation is:
 * <ul>
 * <li><b>complete</b>: exactly that;</li>
 * <li><b>duplicated</b>: that turn stored more than once (8, 12, … messages, each block of four a whole turn);</li>
 * <li><b>partial</b>: anything else (a missing key, a truncated answer, missing or extra messages, a meta count
 * that is not the list's length).</li>
 * </ul>
 * Against the driver: a request that ended ok must have a complete conversation (else it is <b>lost</b>, or
 * counted as duplicated or partial); a request that failed must have stored nothing (PromptKit's guarantee: a
 * failed or cancelled turn stores nothing); no conversation may belong to no request.
 *
 * <pre>
 * java -cp load-driver.jar dev.promptkit.benchmarks.driver.SoakCheck --driver soak-driver.json --ids soak-ids.txt \
 *      [--redis-host 127.0.0.1] [--redis-port 6379] [--redis-db 5] [--redis-cluster host:port,…] \
 *      [--key-prefix promptkit] [--answer-chunks 10] \
 *      [--upstream-stats stats.json] [--max-rss-slope 5] [--thread-tolerance 8] [--socket-tolerance 8] \
 *      [--stamp S] [--command "…"] --output soak.json
 * </pre>
 */
public final class SoakCheck {

    /** The mock upstream's {@code /tool} answer ({@code MockUpstream.TOOL_RESULT}). */
    static final String TOOL_RESULT = "{\"order_id\":\"12345\",\"status\":\"shipped\",\"eta\":\"2026-04-10\"}";
    static final int MESSAGES_PER_TURN = 4;
    /**
     * Failures the fault mix explains: the app answered 5xx before its SSE started (a 503 still there after the
     * retries, or a reset before any text), or it cut its SSE after it started (a reset mid-answer).
     */
    static final Pattern FAULT_KINDS = Pattern.compile("^(IllegalStateException: HTTP N\\b.*|PrematureCloseException.*)$");

    enum State { COMPLETE, DUPLICATED, PARTIAL }

    /** What one conversation's keys hold. */
    record Stored(String id, String meta, List<String> messages, Map<String, String> metadata, Long ttlMillis) {
    }

    /** One conversation's state and, when not complete, why. */
    record Verdict(State state, int messages, String reason) {
    }

    private SoakCheck() {
    }

    public static void main(String[] args) throws Exception {
        Path driverJson = Path.of(LoadDriver.option(args, "--driver", "soak-driver.json"));
        Path idsFile = Path.of(LoadDriver.option(args, "--ids", "soak-ids.txt"));
        String host = LoadDriver.option(args, "--redis-host", "127.0.0.1");
        int port = Integer.parseInt(LoadDriver.option(args, "--redis-port", "6379"));
        int db = Integer.parseInt(LoadDriver.option(args, "--redis-db", "5"));
        String clusterNodes = LoadDriver.option(args, "--redis-cluster", null);
        String prefix = LoadDriver.option(args, "--key-prefix", "promptkit");
        int answerChunks = Integer.parseInt(LoadDriver.option(args, "--answer-chunks", "10"));
        String upstreamStats = LoadDriver.option(args, "--upstream-stats", null);
        double maxRssSlope = Double.parseDouble(LoadDriver.option(args, "--max-rss-slope", "5"));
        int threadTolerance = Integer.parseInt(LoadDriver.option(args, "--thread-tolerance", "8"));
        int socketTolerance = Integer.parseInt(LoadDriver.option(args, "--socket-tolerance", "8"));
        String stamp = LoadDriver.option(args, "--stamp", "");
        String command = LoadDriver.option(args, "--command", null);
        Path output = Path.of(LoadDriver.option(args, "--output", "soak.json"));

        JsonNode driver = LoadDriver.JSON.readTree(driverJson.toFile());
        Map<String, Stored> stored = StoredConversations.read(host, port, db, clusterNodes, prefix);
        Map<String, Object> redis = new LinkedHashMap<>();
        Map<String, Object> requests = new LinkedHashMap<>();
        compare(stored, idsFile, expectedAnswer(answerChunks), prefix, db, redis, requests);
        if (clusterNodes != null) {
            redis.remove("database");
            redis.put("cluster_nodes", clusterNodes);
        }
        JsonNode stats = upstreamStats == null ? null : LoadDriver.JSON.readTree(Files.readString(Path.of(upstreamStats)));

        List<Map<String, Object>> checks = new ArrayList<>();
        long ok = driver.path("ok").asLong();
        long errors = driver.path("errors").asLong();
        check(checks, "stored complete turns = successful responses", redis.get("complete_turns"), ok,
                ((Number) redis.get("complete_turns")).longValue() == ok);
        check(checks, "lost turns (ok response, no complete turn stored)", requests.get("lost"), 0, isZero(requests.get("lost")));
        check(checks, "duplicated turns", redis.get("duplicated_conversations"), 0, isZero(redis.get("duplicated_conversations")));
        check(checks, "partial turns", redis.get("partial_conversations"), 0, isZero(redis.get("partial_conversations")));
        long storedForFailed = ((Number) requests.get("stored_for_failed_request")).longValue()
                + ((Number) requests.get("stored_for_no_request")).longValue();
        check(checks, "conversations stored for failed or unknown requests", storedForFailed, 0, storedForFailed == 0);
        check(checks, "successful responses without a conversation id", requests.get("ok_without_id"), 0,
                isZero(requests.get("ok_without_id")));

        JsonNode soak = driver.path("soak");
        JsonNode rssSlope = soak.path("rss").path("slope_per_min");
        check(checks, "RSS slope after warm-up, MB/min", rssSlope.isNumber() ? rssSlope.asDouble() : null, maxRssSlope,
                rssSlope.isNumber() && rssSlope.asDouble() <= maxRssSlope);
        JsonNode points = soak.path("points");
        int threadsWarm = points.path("after_warmup").path("threads").asInt(-1);
        int threadsIdle = points.path("idle_end").path("threads").asInt(-1);
        check(checks, "threads at idle_end ≤ after_warmup + " + threadTolerance, threadsIdle, threadsWarm + threadTolerance,
                threadsWarm >= 0 && threadsIdle >= 0 && threadsIdle <= threadsWarm + threadTolerance);
        int socketsBefore = points.path("before_load").path("sockets").asInt(-1);
        int socketsIdle = points.path("idle_end").path("sockets").asInt(-1);
        check(checks, "sockets at idle_end ≤ before_load + " + socketTolerance, socketsIdle, socketsBefore + socketTolerance,
                socketsBefore >= 0 && socketsIdle >= 0 && socketsIdle <= socketsBefore + socketTolerance);

        Map<String, Long> unexplained = new TreeMap<>();
        driver.path("errors_by_kind").properties().forEach(e -> {
            if (!FAULT_KINDS.matcher(e.getKey()).matches()) {
                unexplained.put(e.getKey(), e.getValue().asLong());
            }
        });
        long unexplainedCount = unexplained.values().stream().mapToLong(Long::longValue).sum();
        check(checks, "errors of kinds the faults do not explain", unexplained, Map.of(), unexplained.isEmpty());
        if (stats != null) {
            long injected = stats.path("injected_503").asLong() + stats.path("injected_resets").asLong();
            check(checks, "failed requests ≤ injected faults", errors, injected, errors <= injected);
        }
        boolean pass = checks.stream().allMatch(c -> (boolean) c.get("pass"));

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("stamp", stamp);
        out.put("verdict", pass ? "PASS" : "FAIL");
        String summary = summary(stamp, pass, driver, redis, requests, stats, unexplainedCount);
        out.put("summary", summary);
        if (command != null) {
            out.put("command", command);
        }
        out.put("checks", checks);
        out.put("rss_slope_mb_per_min", rssSlope.isNumber() ? rssSlope.asDouble() : null);
        out.put("redis", redis);
        out.put("requests", requests);
        if (stats != null) {
            out.put("upstream_stats", stats);
        }
        out.put("driver", driver);
        if (output.getParent() != null) {
            Files.createDirectories(output.getParent());
        }
        Files.writeString(output, LoadDriver.JSON.writeValueAsString(out) + "\n");
        System.out.println(summary);
        for (Map<String, Object> c : checks) {
            System.out.printf("  %s %s: %s (limit %s)%n", (boolean) c.get("pass") ? "ok  " : "FAIL", c.get("check"),
                    c.get("value"), c.get("limit"));
        }
        System.exit(pass ? 0 : 1);
    }

    private static boolean isZero(Object value) {
        return ((Number) value).longValue() == 0;
    }

    private static void check(List<Map<String, Object>> checks, String name, Object value, Object limit, boolean pass) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("check", name);
        c.put("value", value);
        c.put("limit", limit);
        c.put("pass", pass);
        checks.add(c);
    }

    static String expectedAnswer(int chunks) {
        StringBuilder answer = new StringBuilder();
        for (int i = 1; i <= chunks; i++) {
            answer.append("chunk-").append(i).append(' ');
        }
        return answer.toString();
    }

    /** Classifies every stored conversation and compares them with the driver's outcome per request. */
    static void compare(Map<String, Stored> stored, Path idsFile, String answer, String prefix, int db,
            Map<String, Object> redis, Map<String, Object> requests) throws IOException {
        Map<String, Verdict> verdicts = new HashMap<>(stored.size() * 2);
        Map<String, Integer> reasons = new TreeMap<>();
        long complete = 0;
        long duplicated = 0;
        long partial = 0;
        long turnsStored = 0;
        long withoutTtl = 0;
        for (Stored conversation : stored.values()) {
            Verdict verdict = classify(conversation, answer);
            verdicts.put(conversation.id(), verdict);
            switch (verdict.state()) {
                case COMPLETE -> complete++;
                case DUPLICATED -> duplicated++;
                case PARTIAL -> partial++;
            }
            if (verdict.reason() != null) {
                reasons.merge(verdict.reason(), 1, Integer::sum);
            }
            turnsStored += verdict.messages() / MESSAGES_PER_TURN;
            if (conversation.ttlMillis() != null && conversation.ttlMillis() < 0) {
                withoutTtl++;
            }
        }
        redis.put("database", db);
        redis.put("key_prefix", prefix);
        redis.put("conversations", (long) stored.size());
        redis.put("complete_turns", complete);
        redis.put("duplicated_conversations", duplicated);
        redis.put("partial_conversations", partial);
        redis.put("messages_per_turn", MESSAGES_PER_TURN);
        redis.put("turn_equivalents_stored", turnsStored);
        redis.put("conversations_without_ttl", withoutTtl);
        redis.put("problems_by_reason", reasons);

        Set<String> seen = new HashSet<>();
        long ok = 0;
        long failed = 0;
        long okWithoutId = 0;
        long failedWithoutId = 0;
        long repeatedIds = 0;
        long lost = 0;
        long okDuplicated = 0;
        long okPartial = 0;
        long storedForFailed = 0;
        Map<String, Integer> storedForFailedByKind = new TreeMap<>();
        List<String> examples = new ArrayList<>();
        for (String line : Files.readAllLines(idsFile)) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split(" ", 3);
            boolean success = parts[0].equals("ok");
            String id = parts[1];
            if (success) {
                ok++;
            }
            else {
                failed++;
            }
            if (id.equals("-")) {
                if (success) {
                    okWithoutId++;
                }
                else {
                    failedWithoutId++;
                }
                continue;
            }
            if (!seen.add(id)) {
                repeatedIds++;
            }
            Verdict verdict = verdicts.get(id);
            if (success) {
                if (verdict == null) {
                    lost++;
                    example(examples, "lost: " + id);
                }
                else if (verdict.state() == State.DUPLICATED) {
                    okDuplicated++;
                    example(examples, "duplicated: " + id);
                }
                else if (verdict.state() == State.PARTIAL) {
                    okPartial++;
                    example(examples, "partial (" + verdict.reason() + "): " + id);
                }
            }
            else if (verdict != null) {
                storedForFailed++;
                String kind = parts.length > 2 ? parts[2] : "?";
                storedForFailedByKind.merge(kind + " → " + verdict.state().name().toLowerCase(), 1, Integer::sum);
                example(examples, "stored for a failed request (" + kind + "): " + id);
            }
        }
        long storedForNoRequest = verdicts.keySet().stream().filter(id -> !seen.contains(id)).count();
        verdicts.keySet().stream().filter(id -> !seen.contains(id)).limit(5)
                .forEach(id -> example(examples, "stored for no request: " + id));
        requests.put("ok", ok);
        requests.put("failed", failed);
        requests.put("ok_without_id", okWithoutId);
        requests.put("failed_without_id", failedWithoutId);
        requests.put("repeated_ids", repeatedIds);
        // an ok request whose conversation is missing, or holds a duplicated or partial turn
        requests.put("lost", lost + okPartial + okDuplicated);
        requests.put("ok_missing", lost);
        requests.put("ok_duplicated", okDuplicated);
        requests.put("ok_partial", okPartial);
        requests.put("stored_for_failed_request", storedForFailed);
        requests.put("stored_for_failed_by_kind", storedForFailedByKind);
        requests.put("stored_for_no_request", storedForNoRequest);
        requests.put("examples", examples);
    }

    private static void example(List<String> examples, String example) {
        if (examples.size() < 20) {
            examples.add(example);
        }
    }

    static Verdict classify(Stored conversation, String answer) {
        List<String> messages = conversation.messages();
        int n = messages.size();
        if (conversation.meta() == null) {
            return new Verdict(State.PARTIAL, n, conversation.id().startsWith("<other key> ") ? "unexpected key"
                    : "no meta key");
        }
        if (n == 0) {
            return new Verdict(State.PARTIAL, 0, "no messages");
        }
        JsonNode meta = LoadDriver.JSON.readTree(conversation.meta());
        if (meta.path("message_count").asInt(-1) != n) {
            return new Verdict(State.PARTIAL, n, "meta message_count " + meta.path("message_count") + " ≠ " + n + " messages");
        }
        if (!"\"chat\"".equals(conversation.metadata().get("user.prompt"))) {
            return new Verdict(State.PARTIAL, n, "metadata without user.prompt");
        }
        if (n % MESSAGES_PER_TURN != 0) {
            return new Verdict(State.PARTIAL, n, n + " messages, not whole turns of " + MESSAGES_PER_TURN);
        }
        for (int turn = 0; turn < n; turn += MESSAGES_PER_TURN) {
            String problem = turnProblem(messages.subList(turn, turn + MESSAGES_PER_TURN), answer);
            if (problem != null) {
                return new Verdict(State.PARTIAL, n, problem);
            }
        }
        return n == MESSAGES_PER_TURN ? new Verdict(State.COMPLETE, n, null)
                : new Verdict(State.DUPLICATED, n, (n / MESSAGES_PER_TURN) + " turns stored");
    }

    /** Why four stored messages are not one whole turn of this benchmark, or {@code null}. */
    static String turnProblem(List<String> turn, String answer) {
        JsonNode user = LoadDriver.JSON.readTree(turn.get(0));
        JsonNode call = LoadDriver.JSON.readTree(turn.get(1));
        JsonNode tool = LoadDriver.JSON.readTree(turn.get(2));
        JsonNode reply = LoadDriver.JSON.readTree(turn.get(3));
        if (!"user".equals(user.path("role").asString("")) || !LoadDriver.QUESTION.equals(user.path("content").asString(""))) {
            return "message 1 is not the user's question";
        }
        JsonNode calls = call.path("tool_calls");
        if (!"assistant".equals(call.path("role").asString("")) || calls.size() != 1
                || !"lookup_order".equals(calls.path(0).path("name").asString(""))
                || !"12345".equals(calls.path(0).path("args").path("order_id").asString(""))) {
            return "message 2 is not one whole lookup_order call";
        }
        if (!"tool".equals(tool.path("role").asString("")) || !TOOL_RESULT.equals(tool.path("content").asString(""))
                || !calls.path(0).path("id").asString("").equals(tool.path("tool_result").path("id").asString("?"))) {
            return "message 3 is not the call's tool result";
        }
        if (!"assistant".equals(reply.path("role").asString(""))) {
            return "message 4 is not the assistant's answer";
        }
        if (!answer.equals(reply.path("content").asString(""))) {
            return "answer is not the whole answer (" + reply.path("content").asString("").length() + " of "
                    + answer.length() + " characters)";
        }
        if (!"stop".equals(reply.path("finish_reason").asString(""))) {
            return "answer's finish reason is " + reply.path("finish_reason");
        }
        return null;
    }

    private static String summary(String stamp, boolean pass, JsonNode driver, Map<String, Object> redis,
            Map<String, Object> requests, JsonNode stats, long unexplained) {
        JsonNode soak = driver.path("soak");
        JsonNode points = soak.path("points");
        JsonNode machine = driver.path("machine");
        return String.format("soak %s %s: N=%d for %ds, ok %d, errors %d (%d unexplained; injected 503 %s, resets %s), "
                + "stored complete turns %s (lost %s, duplicated %s, partial %s, stored for failed %s), "
                + "RSS slope %s MB/min after %ds (RSS %s → %s MB), threads %s before load / %s after warm-up → %s idle, "
                + "sockets %s before load / %s at end of load → %s idle (%ds after), load avg %s → %s", stamp,
                pass ? "PASS" : "FAIL", driver.path("concurrency").asInt(), driver.path("duration_seconds").asLong(),
                driver.path("ok").asLong(), driver.path("errors").asLong(), unexplained,
                stats == null ? "?" : stats.path("injected_503").asString(),
                stats == null ? "?" : stats.path("injected_resets").asString(), redis.get("complete_turns"),
                requests.get("lost"), redis.get("duplicated_conversations"), redis.get("partial_conversations"),
                ((Number) requests.get("stored_for_failed_request")).longValue()
                        + ((Number) requests.get("stored_for_no_request")).longValue(),
                soak.path("rss").path("slope_per_min").asString("?"), driver.path("warmup_seconds").asLong(),
                soak.path("rss").path("first").asString("?"), soak.path("rss").path("last").asString("?"),
                points.path("before_load").path("threads").asString("?"),
                points.path("after_warmup").path("threads").asString("?"),
                points.path("idle_end").path("threads").asString("?"),
                points.path("before_load").path("sockets").asString("?"),
                points.path("end_of_load").path("sockets").asString("?"),
                points.path("idle_end").path("sockets").asString("?"), driver.path("idle_seconds").asLong(),
                machine.path("loadavg_before").asString("?"), machine.path("loadavg_after").asString("?"));
    }
}
