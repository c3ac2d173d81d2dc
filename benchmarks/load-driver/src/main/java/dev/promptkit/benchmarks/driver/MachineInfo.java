/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.benchmarks.driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a result says of the machine it was measured on: cores, OS, Java, CPU model, and the load average. */
final class MachineInfo {

    private MachineInfo() {
    }

    static Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("cores", Runtime.getRuntime().availableProcessors());
        out.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        out.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        try {
            out.put("cpu_model", Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name")).findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .orElse("unknown"));
        }
        catch (IOException e) {
            out.put("cpu_model", "unknown");
        }
        return out;
    }

    /** The 1, 5 and 15 minute load averages, space-separated; {@code unknown} where there is no /proc/loadavg. */
    static String loadAverage() {
        String[] fields = loadAverages();
        return fields == null ? "unknown" : fields[0] + " " + fields[1] + " " + fields[2];
    }

    /** The 1 minute load average; -1 where there is no /proc/loadavg. */
    static double load1() {
        String[] fields = loadAverages();
        try {
            return fields == null ? -1 : Double.parseDouble(fields[0]);
        }
        catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String[] loadAverages() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields.length >= 3 ? fields : null;
        }
        catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
