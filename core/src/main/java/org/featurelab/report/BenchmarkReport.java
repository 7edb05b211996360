package org.featurelab.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * HTML page summarising a benchmark of several models over datasets and cross-validation folds.
 *
 * <p>Notation: for model m, D<sub>m</sub> is the set of datasets where m has at least one row with a finite score,
 * and s<sub>m,d</sub> = (1/|F|) Σ<sub>f∈F</sub> score(d, f, m) is the mean over those rows F (normally one per
 * fold). Non-finite scores (NaN, ±∞, e.g. a failed fit) are excluded from every mean and median; a dataset whose
 * scores are all non-finite is left out of D<sub>m</sub>. Likewise t<sub>m,d</sub> = Σ seconds over the rows of
 * (d, m) with finite seconds. Rows of models not listed in the {@link Spec} are ignored. "Dataset order" is the order
 * of first appearance in the rows.
 *
 * <p>The page holds, in order:
 * <ol>
 *   <li>the title, each note as a paragraph, a table with one line per model: |D<sub>m</sub>|, the mean over
 *       datasets (1/|D<sub>m</sub>|) Σ<sub>d</sub> s<sub>m,d</sub> over d ∈ D<sub>m</sub>, the median of the
 *       s<sub>m,d</sub>, and the total seconds Σ<sub>d</sub> t<sub>m,d</sub>; then the list of datasets;</li>
 *   <li>for each model m other than the reference r = {@code models.get(0)}, a scatter plot of the points
 *       (s<sub>r,d</sub>, s<sub>m,d</sub>) over d ∈ D<sub>r</sub> ∩ D<sub>m</sub> with the line y = x; title and
 *       caption count the datasets above (m higher), on (|s<sub>m,d</sub> − s<sub>r,d</sub>| ≤ 1e-9) and below
 *       it;</li>
 *   <li>a box plot (XChart {@code BoxChart}) of the s<sub>m,d</sub>, one box per model;</li>
 *   <li>a box plot of the per-dataset seconds t<sub>m,d</sub>, one box per model, on a logarithmic y axis (XChart's
 *       box chart renders log axes correctly); when some t<sub>m,d</sub> ≤ 0 the axis is linear instead.</li>
 * </ol>
 * A chart without data (no rows, no common dataset, a model without rows) is replaced by a line saying there is
 * nothing to plot; models without data are named under the box plots. When all values of a box plot are equal it
 * becomes a bar chart of that value (XChart draws no box on a zero-height axis). All text on the page is
 * HTML-escaped.
 */
public final class BenchmarkReport {
    private BenchmarkReport() {
    }

    /**
     * One finished (dataset, fold, model) unit.
     *
     * @param dataset   dataset name (non-null)
     * @param fold      fold index
     * @param model     model name (non-null)
     * @param testScore score on the fold's test part; NaN when it could not be computed (excluded from means)
     * @param seconds   wall-clock seconds of the unit (non-finite values are excluded from time sums)
     */
    public record Row(String dataset, int fold, String model, double testScore, double seconds) {
        /** Checks that the names are non-null. */
        public Row {
            Objects.requireNonNull(dataset, "benchmark row: dataset");
            Objects.requireNonNull(model, "benchmark row: model");
        }
    }

    /**
     * Page settings.
     *
     * @param title      page title
     * @param scoreLabel what the score is, used in axis titles and the table, e.g. "test accuracy (%)"
     * @param models     the models in display order, without duplicates; the first is the reference of the scatter
     *                   plots
     */
    public record Spec(String title, String scoreLabel, List<String> models) {
        /**
         * Checks the values and copies {@code models}.
         *
         * @throws IllegalArgumentException if {@code models} is empty or has a duplicate
         * @throws NullPointerException     if a field or a model name is null
         */
        public Spec {
            Objects.requireNonNull(title, "benchmark spec: title");
            Objects.requireNonNull(scoreLabel, "benchmark spec: scoreLabel");
            models = List.copyOf(models);
            if (models.isEmpty()) {
                throw new IllegalArgumentException("benchmark spec: no models");
            }
            if (new HashSet<>(models).size() != models.size()) {
                throw new IllegalArgumentException("benchmark spec: duplicate model in " + models);
            }
        }
    }

    /**
     * Per-dataset mean score of {@code model}: d ↦ s<sub>model,d</sub> = (1/|F|) Σ<sub>f∈F</sub> testScore over
     * the rows F of (d, model) with a finite score (NaN and ±∞ are skipped). Only datasets where the model has such
     * a row appear, in dataset order. Cost O(rows).
     *
     * @return an unmodifiable map in dataset order; empty when the model has no row
     */
    public static Map<String, Double> datasetMeans(List<Row> rows, String model) {
        return perDataset(rows, model, Row::testScore, true);
    }

    /**
     * Pairs {x = s<sub>a,d</sub>, y = s<sub>b,d</sub>} (see {@link #datasetMeans}) over the datasets d where both
     * models have a finite mean, in dataset order.
     *
     * @return a new list of two-element arrays; empty when no dataset is shared
     */
    public static List<double[]> pairedMeans(List<Row> rows, String a, String b) {
        Map<String, Double> ma = datasetMeans(rows, a);
        Map<String, Double> mb = datasetMeans(rows, b);
        List<double[]> out = new ArrayList<>();
        for (Map.Entry<String, Double> e : ma.entrySet()) {
            Double y = mb.get(e.getKey());
            if (y != null) {
                out.add(new double[]{e.getValue(), y});
            }
        }
        return out;
    }

    /**
     * Writes the page described in the class comment to {@code file}, atomically via {@link HtmlReport#writeTo}.
     * Never throws for empty data: no rows, or models without rows, give lines saying there is nothing to plot.
     *
     * @param notes paragraphs shown under the title (e.g. command line, machine); null means none
     * @throws IOException if the file cannot be written
     */
    public static void write(Path file, Spec spec, List<Row> rows, List<String> notes) throws IOException {
        render(spec, rows, notes).writeTo(file);
    }

    /** The page of {@link #write} as a builder. */
    static HtmlReport render(Spec spec, List<Row> rows, List<String> notes) {
        HtmlReport page = new HtmlReport().title(spec.title());
        for (String n : notes == null ? List.<String>of() : notes) {
            page.paragraph(n);
        }
        Map<String, Map<String, Double>> means = new LinkedHashMap<>();
        Map<String, Map<String, Double>> seconds = new LinkedHashMap<>();
        for (String m : spec.models()) {
            means.put(m, datasetMeans(rows, m));
            seconds.put(m, perDataset(rows, m, Row::seconds, false));
        }
        summary(page, spec, means, seconds);
        Set<String> datasets = new LinkedHashSet<>();
        rows.forEach(r -> datasets.add(r.dataset()));
        page.paragraph(datasets.size() + (datasets.size() == 1 ? " dataset" : " datasets")
                + (datasets.isEmpty() ? "." : ": " + String.join(", ", datasets) + "."));
        scatters(page, spec, rows, means);
        boxes(page, "Score distribution", "Per-dataset mean " + spec.scoreLabel() + " by model", spec.scoreLabel(),
                means, false);
        boxes(page, "Time per model", "Seconds per dataset (sum over folds) by model", "seconds", seconds, true);
        return page;
    }

    private static void summary(HtmlReport page, Spec spec, Map<String, Map<String, Double>> means,
                                Map<String, Map<String, Double>> seconds) {
        page.heading("Summary");
        List<List<String>> table = new ArrayList<>();
        for (String m : spec.models()) {
            double[] s = values(means.get(m));
            double total = Arrays.stream(values(seconds.get(m))).sum();
            table.add(List.of(m, Integer.toString(s.length), s.length == 0 ? "–" : format(mean(s)),
                    s.length == 0 ? "–" : format(median(s)), String.format(Locale.ROOT, "%.2f", total)));
        }
        page.table(List.of("model", "datasets", "mean " + spec.scoreLabel(), "median " + spec.scoreLabel(),
                "total seconds"), table);
        page.paragraph("Each dataset's score is the mean over its folds; mean and median are taken over the datasets "
                + "a model has scores for. NaN scores are left out.");
    }

    private static void scatters(HtmlReport page, Spec spec, List<Row> rows, Map<String, Map<String, Double>> means) {
        String ref = spec.models().get(0);
        page.heading("Per-dataset scores against " + ref);
        if (spec.models().size() == 1) {
            page.paragraph("Nothing to plot: there is only one model.");
            return;
        }
        for (String m : spec.models().subList(1, spec.models().size())) {
            List<double[]> pairs = pairedMeans(rows, ref, m);
            if (pairs.isEmpty()) {
                page.paragraph("Nothing to plot for " + m + " against " + ref + ": no dataset has scores of both.");
                continue;
            }
            int[] n = ScatterChart.sides(pairs);
            String title = Labels.shorten(m) + " vs " + Labels.shorten(ref) + ": " + n[0] + " above, " + n[1]
                    + " on, " + n[2] + " below y = x";
            byte[] png = ScatterChart.pngBytes(pairs, title, Labels.shorten(ref) + " " + spec.scoreLabel(),
                    Labels.shorten(m) + " " + spec.scoreLabel());
            page.image(m + " (y) against " + ref + " (x) over " + pairs.size() + " datasets: " + n[0]
                    + " above the diagonal, " + n[1] + " on it, " + n[2] + " below", png);
        }
    }

    private static void boxes(HtmlReport page, String heading, String title, String yLabel,
                              Map<String, Map<String, Double>> perModel, boolean logY) {
        page.heading(heading);
        Map<String, double[]> samples = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        boolean positive = true;
        for (Map.Entry<String, Map<String, Double>> e : perModel.entrySet()) {
            double[] v = values(e.getValue());
            if (v.length == 0) {
                missing.add(e.getKey());
            } else {
                samples.put(e.getKey(), v);
                positive &= Arrays.stream(v).allMatch(x -> x > 0);
            }
        }
        if (samples.isEmpty()) {
            page.paragraph("Nothing to plot: no model has data.");
            return;
        }
        boolean log = logY && positive;
        String caption = title + (logY ? (log ? ", log scale" : ", linear scale (some values are ≤ 0)") : "");
        page.image(caption, BoxPlot.pngBytes(samples, title, yLabel, log));
        if (!missing.isEmpty()) {
            page.paragraph("Nothing to plot for " + String.join(", ", missing) + ": no data.");
        }
    }

    /** d ↦ mean (or sum) of the finite {@code value}s of the rows of (d, model), in dataset order. */
    private static Map<String, Double> perDataset(List<Row> rows, String model, ToDoubleFunction<Row> value,
                                                  boolean mean) {
        Set<String> order = new LinkedHashSet<>();
        Map<String, double[]> acc = new HashMap<>();
        for (Row r : rows) {
            order.add(r.dataset());
            double v = value.applyAsDouble(r);
            if (r.model().equals(model) && Double.isFinite(v)) {
                double[] a = acc.computeIfAbsent(r.dataset(), k -> new double[2]);
                a[0] += v;
                a[1]++;
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (String d : order) {
            double[] a = acc.get(d);
            if (a != null) {
                out.put(d, mean ? a[0] / a[1] : a[0]);
            }
        }
        return Collections.unmodifiableMap(out);
    }

    private static double[] values(Map<String, Double> map) {
        return map.values().stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).sum() / v.length;
    }

    /** Middle value of the sorted values, or the mean of the two middle ones; v non-empty. */
    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int h = s.length / 2;
        return s.length % 2 == 1 ? s[h] : 0.5 * (s[h - 1] + s[h]);
    }

    /** Score as shown in the table: four decimals, {@link Locale#ROOT}. */
    static String format(double score) {
        return String.format(Locale.ROOT, "%.4f", score);
    }
}
