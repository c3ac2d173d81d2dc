/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.benchmarks.driver;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The perf gate's verdict on one run of {@code gate.sh}: PromptKit had no errors, kept at least
 * {@code minPercent} of the direct baseline's throughput, and peaked under {@code maxRssMb}. Exits 1 naming
 * every limit that was broken.
 *
 * <pre>java -cp load-driver.jar dev.promptkit.benchmarks.driver.Gate results 20261122T030000Z 90 600</pre>
 */
public final class Gate {

    private Gate() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            throw new IllegalArgumentException("usage: Gate <results dir> <run stamp> <min % of direct> <max RSS MB>");
        }
        List<String> broken = check(RunResult.readRun(Path.of(args[0]), args[1]), Double.parseDouble(args[2]),
                Double.parseDouble(args[3]));
        if (!broken.isEmpty()) {
            broken.forEach(line -> System.out.println("gate FAILED: " + line));
            System.exit(1);
        }
        System.out.println("gate passed");
    }

    static List<String> check(List<RunResult> runs, double minPercent, double maxRssMb) {
        List<String> broken = new ArrayList<>();
        List<RunResult> promptkit = runs.stream().filter(r -> Report.PROMPTKIT.equals(r.app())).toList();
        if (promptkit.isEmpty()) {
            broken.add("no PromptKit result in the run");
        }
        for (RunResult run : promptkit) {
            String tier = "tier " + run.concurrency() + ": ";
            if (run.errors() > 0) {
                broken.add(tier + run.errors() + " of " + run.requests() + " requests failed");
            }
            runs.stream().filter(r -> r.isDirect() && r.concurrency() == run.concurrency()).findFirst()
                    .ifPresentOrElse(direct -> {
                        double percent = 100 * run.throughputRps() / direct.throughputRps();
                        if (percent < minPercent) {
                            broken.add(tier + "throughput " + Report.number(run.throughputRps()) + " req/s is "
                                    + Report.number(percent) + " % of direct (" + Report.number(direct.throughputRps())
                                    + "), under " + Report.number(minPercent) + " %");
                        }
                    }, () -> broken.add(tier + "no direct baseline to compare with"));
            if (run.peakRssMb() > maxRssMb) {
                broken.add(tier + "peak RSS " + Report.number(run.peakRssMb()) + " MB is over " + Report.number(maxRssMb)
                        + " MB");
            }
        }
        return broken;
    }
}
