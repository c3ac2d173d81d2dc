/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.benchmarks.driver;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a process holds right now, read from {@code /proc}: resident memory ({@code VmRSS}), threads
 * ({@code Threads:} of {@code /proc/<pid>/status}, and per name from {@code task/<tid>/comm}), CPU time, and its
 * open sockets (the {@code socket:[inode]} links under {@code /proc/<pid>/fd}), each placed by its TCP connection
 * ({@code /proc/<pid>/net/tcp} and {@code tcp6}, by inode): listening, inbound on the app's port, to the upstream's
 * port, to Redis's port, other TCP, or not TCP (Unix, UDP, netlink).
 */
final class ProcessProbe {

    /** Ports that name a socket's peer. */
    record Ports(int app, int upstream, int redis) {
    }

    /** One reading. */
    record Reading(long rssKb, int threads, int sockets, Map<String, Integer> socketsByPeer, long cpuTicks) {

        Map<String, Object> toMap() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("rss_mb", ProcessSampler.round(rssKb / 1024.0));
            out.put("threads", threads);
            out.put("sockets", sockets);
            out.put("sockets_by_peer", socketsByPeer);
            return out;
        }
    }

    static final List<String> PEERS = List.of("listen", "inbound", "upstream", "redis", "other_tcp", "not_tcp");

    private final long pid;
    private final Ports ports;
    private final Path proc;

    ProcessProbe(long pid, Ports ports) {
        this.pid = pid;
        this.ports = ports;
        this.proc = Path.of("/proc", Long.toString(pid));
    }

    long pid() {
        return pid;
    }

    Reading read() {
        Map<String, Long> status = status();
        Map<Long, String> tcp = tcpPeers();
        Map<String, Integer> byPeer = new LinkedHashMap<>();
        PEERS.forEach(peer -> byPeer.put(peer, 0));
        int sockets = 0;
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(proc.resolve("fd"))) {
            for (Path fd : fds) {
                String link;
                try {
                    link = Files.readSymbolicLink(fd).toString();
                }
                catch (IOException e) {
                    continue; // closed while listed
                }
                if (link.startsWith("socket:[")) {
                    sockets++;
                    long inode = Long.parseLong(link.substring(8, link.length() - 1));
                    byPeer.merge(tcp.getOrDefault(inode, "not_tcp"), 1, Integer::sum);
                }
            }
        }
        catch (IOException | RuntimeException e) {
            // the process is gone
        }
        return new Reading(status.getOrDefault("VmRSS", 0L), status.getOrDefault("Threads", 0L).intValue(), sockets,
                byPeer, cpuTicks());
    }

    /** Threads by name, digits folded ({@code reactor-http-epoll-3} → {@code reactor-http-epoll-#}). */
    Map<String, Integer> threadsByName() {
        Map<String, Integer> out = new TreeMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(proc.resolve("task"))) {
            for (Path task : tasks) {
                try {
                    String name = Files.readString(task.resolve("comm")).trim().replaceAll("\\d+", "#");
                    out.merge(name, 1, Integer::sum);
                }
                catch (IOException e) {
                    // ended while listed
                }
            }
        }
        catch (IOException e) {
            // the process is gone
        }
        return out;
    }

    private Map<String, Long> status() {
        Map<String, Long> out = new HashMap<>();
        try {
            for (String line : Files.readAllLines(proc.resolve("status"))) {
                int colon = line.indexOf(':');
                if (colon > 0 && (line.startsWith("VmRSS") || line.startsWith("Threads"))) {
                    out.put(line.substring(0, colon), Long.parseLong(line.substring(colon + 1).trim().split("\\s+")[0]));
                }
            }
        }
        catch (IOException | RuntimeException e) {
            // the process is gone
        }
        return out;
    }

    long cpuTicks() {
        try {
            String stat = Files.readString(proc.resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime (14), stime (15)
        }
        catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** How long the process has been running, in seconds, from its start time in {@code /proc/<pid>/stat}. */
    double ageSeconds(long clockTicksPerSecond) {
        try {
            String stat = Files.readString(proc.resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
            double started = Long.parseLong(fields[19]) / (double) clockTicksPerSecond; // starttime (22)
            double uptime = Double.parseDouble(Files.readString(Path.of("/proc/uptime")).trim().split("\\s+")[0]);
            return uptime - started;
        }
        catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** Inode → peer class of every TCP socket in the process's network namespace. */
    private Map<Long, String> tcpPeers() {
        Map<Long, String> out = new HashMap<>();
        for (String table : List.of("tcp", "tcp6")) {
            List<String> lines;
            try {
                lines = Files.readAllLines(proc.resolve("net").resolve(table));
            }
            catch (IOException e) {
                continue;
            }
            for (int i = 1; i < lines.size(); i++) {
                String[] f = lines.get(i).trim().split("\\s+");
                if (f.length < 10) {
                    continue;
                }
                long inode = Long.parseLong(f[9]);
                if (inode == 0) {
                    continue; // TIME_WAIT and the like: no socket holds it any more
                }
                int local = port(f[1]);
                int remote = port(f[2]);
                String peer;
                if ("0A".equals(f[3])) {
                    peer = "listen";
                }
                else if (local == ports.app()) {
                    peer = "inbound";
                }
                else if (remote == ports.upstream()) {
                    peer = "upstream";
                }
                else if (remote == ports.redis()) {
                    peer = "redis";
                }
                else {
                    peer = "other_tcp";
                }
                out.put(inode, peer);
            }
        }
        return out;
    }

    private static int port(String address) {
        return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1), 16);
    }
}
