package io.dbchat.standalone.bench.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Two panels of SVG, throughput and p50 latency against the number of clients (log scale), one line per path.
 * Written by hand: two polylines and their axes do not need a charting library and its AWT dependencies.
 */
final class Chart {

    private static final int W = 460;
    private static final int H = 300;
    private static final int PAD = 55;
    private static final String[] COLOURS = {"#888888", "#1f6fd0"};

    private Chart() {
    }

    static void write(Path file, List<PipelineBenchReport.Run> runs) throws IOException {
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\""
                        + " font-size=\"11\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n", 2 * W, H + 30));
        panel(svg, 0, "answers per second", runs, Figures::perSecond);
        panel(svg, W, "p50 latency (ms)", runs, Figures::p50);
        for (int r = 0; r < runs.size(); r++) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"%s\">%s</text>%n", PAD + 200 * r,
                    H + 20, COLOURS[r % COLOURS.length], escape(runs.get(r).name())));
        }
        svg.append("</svg>\n");
        Files.writeString(file, svg, StandardCharsets.UTF_8);
    }

    private static void panel(StringBuilder svg, int left, String title, List<PipelineBenchReport.Run> runs,
                              ToDoubleFunction<Figures> y) {
        int maxClients = runs.stream().flatMap(r -> r.steps().stream()).mapToInt(Figures::clients).max().orElse(1);
        double maxY = runs.stream().flatMap(r -> r.steps().stream()).mapToDouble(y).max().orElse(1);
        maxY = maxY <= 0 ? 1 : maxY * 1.1;
        double logMax = Math.max(1, Math.log(maxClients) / Math.log(2));
        int x0 = left + PAD;
        int plotW = W - PAD - 15;
        int plotH = H - 2 * PAD + 20;
        int yBase = PAD - 20 + plotH;
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"20\" font-size=\"13\">%s</text>%n", x0, escape(title)));
        svg.append(String.format(Locale.ROOT, "<path d=\"M%d %d V%d H%d\" stroke=\"black\" fill=\"none\"/>%n", x0,
                PAD - 20, yBase, x0 + plotW));
        for (int t = 0; t <= 4; t++) {
            double value = maxY * t / 4;
            int py = yBase - (int) (plotH * t / 4.0);
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%.0f</text>%n", x0 - 4,
                    py + 4, value));
        }
        for (int c = 1; c <= maxClients; c *= 2) {
            int px = x0 + (int) (plotW * (Math.log(c) / Math.log(2)) / logMax);
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%d</text>%n", px,
                    yBase + 14, c));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">clients</text>%n",
                x0 + plotW / 2, yBase + 28));
        for (int r = 0; r < runs.size(); r++) {
            StringBuilder points = new StringBuilder();
            for (Figures f : runs.get(r).steps()) {
                int px = x0 + (int) (plotW * (Math.log(f.clients()) / Math.log(2)) / logMax);
                int py = yBase - (int) (plotH * y.applyAsDouble(f) / maxY);
                points.append(px).append(',').append(py).append(' ');
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%d\" cy=\"%d\" r=\"3\" fill=\"%s\"/>%n", px, py,
                        COLOURS[r % COLOURS.length]));
            }
            svg.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n",
                    points.toString().strip(), COLOURS[r % COLOURS.length]));
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
