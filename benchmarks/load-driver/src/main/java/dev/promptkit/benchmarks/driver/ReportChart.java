/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.benchmarks.driver;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * A dependency-free SVG of one run: four panels (throughput, peak RSS, average CPU, CPU per request) with the
 * tiers on the x axis and one line per app, so the README can show it as an image. A figure a run lacks (the
 * direct baseline has no app CPU per request) leaves its point out.
 */
final class ReportChart {

    private static final int PANEL_WIDTH = 320;
    private static final int PANEL_HEIGHT = 220;
    private static final int MARGIN = 48;
    private static final String[] COLOURS = {"#6b7280", "#2563eb", "#16a34a", "#dc2626", "#9333ea", "#ea580c"};

    private final List<RunResult> runs;
    private final List<Integer> tiers;
    private final Map<String, String> colourByApp = new LinkedHashMap<>();

    ReportChart(List<RunResult> runs) {
        this.runs = runs;
        this.tiers = runs.stream().map(RunResult::concurrency).distinct().sorted().toList();
        runs.stream().map(RunResult::app).distinct()
                .forEach(app -> colourByApp.put(app, COLOURS[colourByApp.size() % COLOURS.length]));
    }

    String svg() {
        int width = 4 * (PANEL_WIDTH + MARGIN) + MARGIN;
        int height = PANEL_HEIGHT + 2 * MARGIN + 30;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\">%n", width, height, width, height));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height));
        panel(svg, 0, "throughput (req/s)", RunResult::throughputRps);
        panel(svg, 1, "peak RSS (MB)", RunResult::peakRssMb);
        panel(svg, 2, "average CPU (% of one core)", RunResult::avgCpuPercent);
        panel(svg, 3, "app CPU per request (ms)", RunResult::cpuMsPerRequest);
        legend(svg, height - 14);
        return svg.append("</svg>\n").toString();
    }

    private void panel(StringBuilder svg, int index, String title, ToDoubleFunction<RunResult> figure) {
        int left = MARGIN + index * (PANEL_WIDTH + MARGIN);
        int top = MARGIN;
        double max = niceCeiling(runs.stream().mapToDouble(figure).filter(value -> !Double.isNaN(value)).max()
                .orElse(1));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"13\" font-weight=\"bold\">%s</text>%n",
                left, top - 16, title));
        for (int step = 0; step <= 4; step++) {
            double value = max * step / 4;
            double y = y(value, max, top);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#e5e7eb\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", left, y, left + PANEL_WIDTH, y,
                    left - 4, y + 4, Report.number(value)));
        }
        for (int i = 0; i < tiers.size(); i++) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>%n",
                    x(i, left), top + PANEL_HEIGHT + 16, tiers.get(i)));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"#6b7280\">"
                + "concurrent streams</text>%n", left + PANEL_WIDTH / 2, top + PANEL_HEIGHT + 32));
        colourByApp.forEach((app, colour) -> {
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < tiers.size(); i++) {
                int tier = tiers.get(i);
                int column = i;
                runs.stream().filter(r -> r.app().equals(app) && r.concurrency() == tier
                        && !Double.isNaN(figure.applyAsDouble(r))).findFirst()
                        .ifPresent(r -> points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(column, left),
                                y(figure.applyAsDouble(r), max, top))));
            }
            if (!points.isEmpty()) {
                svg.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" "
                        + "points=\"%s\"/>%n", colour, points.toString().trim()));
                for (String point : points.toString().trim().split(" ")) {
                    String[] xy = point.split(",");
                    svg.append(String.format(Locale.ROOT, "<circle cx=\"%s\" cy=\"%s\" r=\"3\" fill=\"%s\"/>%n",
                            xy[0], xy[1], colour));
                }
            }
        });
    }

    private void legend(StringBuilder svg, int y) {
        int x = MARGIN;
        for (Map.Entry<String, String> entry : colourByApp.entrySet()) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"%d\">%s</text>%n", x, y - 10, entry.getValue(), x + 16, y, entry.getKey()));
            x += 24 + 8 * entry.getKey().length() + 16;
        }
    }

    private double x(int column, int left) {
        return tiers.size() == 1 ? left + PANEL_WIDTH / 2.0 : left + 10 + column * (PANEL_WIDTH - 20.0) / (tiers.size() - 1);
    }

    private static double y(double value, double max, int top) {
        return top + PANEL_HEIGHT - value / max * PANEL_HEIGHT;
    }

    /** The smallest 1, 2 or 5 × 10^k at or above {@code value}, so the axis labels are round. */
    static double niceCeiling(double value) {
        if (value <= 0) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * magnitude >= value) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }
}
