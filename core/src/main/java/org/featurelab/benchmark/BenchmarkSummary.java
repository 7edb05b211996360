package org.featurelab.benchmark;

import org.featurelab.tabular.ModelKind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code summary.md} of {@code featurelab benchmark uci|csv}: per model the mean test score over datasets (each
 * dataset = mean over its folds), counted only over the datasets on which <em>every</em> model of the run finished
 * all folds, so that all models are averaged over the same datasets; wins/ties/losses between each pair of models on
 * those datasets (ties: fold means equal within {@value #TIE}); reference numbers (for UCI, the papers') side by side;
 * one row per dataset.
 */
public final class BenchmarkSummary {
    /** Fold means closer than this are a tie. */
    public static final double TIE = 1e-9;

    /**
     * Mean test accuracy (%) over 120 UCI datasets reported by the RFM / FACT papers (../shared/REFERENCE.md §8), by
     * {@link ModelKind#id()}.
     */
    public static final Map<String, Double> PAPERS = papers();

    private BenchmarkSummary() {
    }

    /**
     * What the summary is about.
     *
     * @param command   the command, e.g. {@code featurelab benchmark uci}
     * @param folds     folds per dataset
     * @param scoreName e.g. {@code test accuracy}
     * @param percent   whether scores are shown ×100 with a {@code (%)} suffix
     * @param reference published means per model name (may be empty) and, in {@code referenceLabel}, what they are
     * @param groups    for a collection whose datasets are scored by different measures (accuracy for classification,
     *                  R² for regression), each dataset's group label; the summary then reports each group's means and
     *                  paired differences apart. Empty: one group.
     */
    public record Spec(String command, int folds, String scoreName, boolean percent, Map<String, Double> reference,
                       String referenceLabel, Map<String, String> groups) {
        public Spec {
            reference = Map.copyOf(reference);
            groups = Map.copyOf(groups);
        }

        /** A summary without groups. */
        public Spec(String command, int folds, String scoreName, boolean percent, Map<String, Double> reference,
                    String referenceLabel) {
            this(command, folds, scoreName, percent, reference, referenceLabel, Map.of());
        }

        /** The UCI-121 summary with the papers' numbers. */
        public static Spec uci() {
            return new Spec("featurelab benchmark uci", UciDataset.FOLDS, "test accuracy", true, PAPERS, "papers (120 datasets)");
        }

        /**
         * The averaged datasets of each group, groups in order of their first dataset; one group named by the score
         * when the spec has none.
         */
        public Map<String, List<String>> grouped(List<String> common) {
            Map<String, List<String>> out = new LinkedHashMap<>();
            for (String d : common) {
                out.computeIfAbsent(groups.isEmpty() ? scoreName : groups.getOrDefault(d, "other"), k -> new ArrayList<>())
                        .add(d);
            }
            return out;
        }

        String format(double score) {
            return percent ? String.format(Locale.ROOT, "%.2f", 100 * score) : String.format(Locale.ROOT, "%.4f", score);
        }

        String unit() {
            return percent ? " (%)" : "";
        }
    }

    private static Map<String, Double> papers() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(ModelKind.FACT_RFM.id(), 85.22);
        m.put(ModelKind.FACT_RFM_GM.id(), 84.99);
        m.put(ModelKind.NFA_RFM.id(), 85.10);
        m.put(ModelKind.LAPLACE.id(), 83.71);
        return java.util.Collections.unmodifiableMap(m);
    }

    /**
     * Per dataset (in {@code datasets} order) and model, the mean test score over the folds, or NaN unless all
     * {@code folds} folds finished with a finite test score.
     */
    public static Map<String, double[]> foldMeans(List<UnitResult> results, List<String> datasets, List<String> models,
                                                  int folds) {
        Map<String, double[][]> byFold = new HashMap<>();
        for (UnitResult r : results) {
            int m = models.indexOf(r.model());
            if (m < 0 || r.fold() < 0 || r.fold() >= folds) {
                continue;
            }
            double[][] a = byFold.computeIfAbsent(r.dataset(), k -> nanGrid(models.size(), folds));
            a[m][r.fold()] = r.testScore();
        }
        Map<String, double[]> means = new LinkedHashMap<>();
        for (String d : datasets) {
            double[][] a = byFold.getOrDefault(d, nanGrid(models.size(), folds));
            double[] mean = new double[models.size()];
            for (int m = 0; m < models.size(); m++) {
                double s = 0;
                for (double v : a[m]) {
                    s += v;
                }
                mean[m] = Double.isFinite(s) ? s / folds : Double.NaN;
            }
            means.put(d, mean);
        }
        return means;
    }

    private static double[][] nanGrid(int models, int folds) {
        double[][] a = new double[models][folds];
        for (double[] row : a) {
            java.util.Arrays.fill(row, Double.NaN);
        }
        return a;
    }

    /** The datasets on which every model has a fold mean. */
    public static List<String> common(Map<String, double[]> means) {
        List<String> out = new ArrayList<>();
        means.forEach((d, v) -> {
            if (java.util.Arrays.stream(v).allMatch(Double::isFinite)) {
                out.add(d);
            }
        });
        return out;
    }

    /** Wins, ties and losses of model a against model b over {@code datasets}. */
    public static int[] winsTiesLosses(Map<String, double[]> means, List<String> datasets, int a, int b) {
        int[] wtl = new int[3];
        for (String d : datasets) {
            double diff = means.get(d)[a] - means.get(d)[b];
            wtl[Math.abs(diff) <= TIE ? 1 : diff > 0 ? 0 : 2]++;
        }
        return wtl;
    }

    /**
     * The markdown summary.
     *
     * @param outcome     the loop's outcome (results of the plan, failures of this run)
     * @param datasets    the plan's datasets, in order
     * @param models      the plan's model names, in order
     * @param wallSeconds wall time of this invocation
     */
    public static String markdown(Spec spec, BenchmarkRunner.Outcome outcome, List<String> datasets, List<String> models,
                                  double wallSeconds) {
        Map<String, double[]> means = foldMeans(outcome.results(), datasets, models, spec.folds());
        List<String> common = common(means);
        String score = spec.scoreName();
        StringBuilder sb = new StringBuilder("# ").append(spec.command()).append(": summary\n\n");
        sb.append(String.format(Locale.ROOT, "%d datasets × %d folds × %d models = %d units; %d finished, %d failed in this run.%n%n",
                datasets.size(), spec.folds(), models.size(), outcome.total(), outcome.results().size(),
                outcome.failures().size()));
        sb.append("## Mean ").append(score).append("\n\n");
        sb.append("Each dataset counts with the mean of its ").append(spec.folds()).append(" folds' ").append(score)
                .append(". Only the ").append(common.size())
                .append(" datasets on which every model finished all folds are averaged, so that all models are"
                        + " compared on the same datasets.");
        if (!spec.reference().isEmpty()) {
            sb.append(" Reference numbers: ").append(spec.referenceLabel()).append("; ours are over the datasets run here.");
        }
        sb.append("\n\n| model | mean ").append(score).append(spec.unit()).append(" | datasets averaged | datasets finished by this model |");
        sb.append(spec.reference().isEmpty() ? "\n|---|---|---|---|\n" : " " + spec.referenceLabel() + " |\n|---|---|---|---|---|\n");
        for (int m = 0; m < models.size(); m++) {
            sb.append(String.format(Locale.ROOT, "| %s | %s | %d | %d |", models.get(m), mean(spec, means, common, m),
                    common.size(), finished(means, m)));
            if (!spec.reference().isEmpty()) {
                Double ref = spec.reference().get(models.get(m));
                sb.append(ref == null ? " - |" : String.format(Locale.ROOT, " %.2f |", ref));
            }
            sb.append('\n');
        }
        if (!spec.reference().isEmpty()) {
            List<String> quoted = new ArrayList<>();
            spec.reference().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> quoted.add(String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue())));
            sb.append("\nReference (").append(spec.referenceLabel()).append("): ").append(String.join(", ", quoted)).append(".\n");
        }
        groupSection(sb, spec, means, common, models);
        heldOutSection(sb, spec, means, common, models);
        spec.grouped(common).forEach((g, ds) -> differencesSection(sb, spec, means, ds, models,
                spec.groups().isEmpty() ? "" : ", " + g));
        sb.append("\n## Wins / ties / losses\n\n");
        sb.append("Row model against column model over the ").append(common.size())
                .append(" averaged datasets, on the fold means (tie: equal within 1e-9).\n\n");
        sb.append("| |");
        models.forEach(m -> sb.append(' ').append(m).append(" |"));
        sb.append("\n|---|").append("---|".repeat(models.size())).append('\n');
        for (int a = 0; a < models.size(); a++) {
            sb.append("| ").append(models.get(a)).append(" |");
            for (int b = 0; b < models.size(); b++) {
                if (a == b) {
                    sb.append(" - |");
                } else {
                    int[] w = winsTiesLosses(means, common, a, b);
                    sb.append(' ').append(w[0]).append('/').append(w[1]).append('/').append(w[2]).append(" |");
                }
            }
            sb.append('\n');
        }
        Map<String, Double> leaks = leaks(outcome.results());
        sb.append("\n## Per dataset (mean ").append(score).append(" over the folds").append(spec.percent() ? ", %" : "")
                .append(")\n\n");
        if (!leaks.isEmpty()) {
            sb.append("leak: the mean over the folds of the share of test rows that were rows of the split the feature matrix"
                    + " was tuned on (--protocol rfm-script). Mean over datasets: ").append(String.format(Locale.ROOT, "%.3f",
                    leaks.values().stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN))).append(".\n\n");
        }
        sb.append("| dataset |");
        models.forEach(m -> sb.append(' ').append(m).append(" |"));
        sb.append(leaks.isEmpty() ? "" : " leak |").append(" held out |");
        sb.append("\n|---|").append("---|".repeat(models.size() + (leaks.isEmpty() ? 1 : 2))).append('\n');
        means.forEach((d, v) -> {
            sb.append("| ").append(d).append(" |");
            for (double x : v) {
                sb.append(' ').append(Double.isFinite(x) ? spec.format(x) : "-").append(" |");
            }
            if (!leaks.isEmpty()) {
                Double leak = leaks.get(d);
                sb.append(leak == null ? " - |" : String.format(Locale.ROOT, " %.3f |", leak));
            }
            sb.append(HeldOut.isHeldOut(d) ? " yes |" : " |");
            sb.append('\n');
        });
        double compute = outcome.results().stream().mapToDouble(UnitResult::seconds).sum();
        sb.append(String.format(Locale.ROOT, "%n## Time%n%nTotal wall time of this run: %s. Sum of the units' seconds in"
                + " results.csv (earlier runs included): %s.%n", duration(wallSeconds), duration(compute)));
        if (!outcome.failures().isEmpty()) {
            sb.append(String.format(Locale.ROOT, "%n%d units failed in this run; see failures.csv.%n", outcome.failures().size()));
        }
        return sb.toString();
    }

    /**
     * The means on the development datasets and on the project's held-out ones ({@link HeldOut}) apart, over the
     * averaged datasets: choices are made on the first, the second is reported.
     */
    private static void heldOutSection(StringBuilder sb, Spec spec, Map<String, double[]> means, List<String> common,
                                       List<String> models) {
        List<String> held = HeldOut.of(common);
        List<String> dev = common.stream().filter(d -> !HeldOut.isHeldOut(d)).toList();
        sb.append("\n## Development and held-out datasets\n\n").append(dev.size()).append(" development and ")
                .append(held.size()).append(" held-out datasets (benchmark.HeldOut: a fixed rule on the name; defaults are"
                        + " chosen on the development datasets only).\n\n| model | development | held out |\n|---|---|---|\n");
        for (int m = 0; m < models.size(); m++) {
            sb.append("| ").append(models.get(m)).append(" | ").append(mean(spec, means, dev, m)).append(" | ")
                    .append(mean(spec, means, held, m)).append(" |\n");
        }
    }

    /**
     * Each model's {@link PairedDifference} against the run's first model over the averaged datasets (insertion order
     * of the models after the first); empty with fewer than two models or two datasets.
     */
    public static Map<String, PairedDifference> differences(Map<String, double[]> means, List<String> common,
                                                            List<String> models) {
        Map<String, PairedDifference> out = new LinkedHashMap<>();
        if (models.size() < 2 || common.size() < 2) {
            return out;
        }
        double[] reference = new double[common.size()];
        for (int i = 0; i < common.size(); i++) {
            reference[i] = means.get(common.get(i))[0];
        }
        for (int m = 1; m < models.size(); m++) {
            double[] scores = new double[common.size()];
            for (int i = 0; i < common.size(); i++) {
                scores[i] = means.get(common.get(i))[m];
            }
            out.put(models.get(m), PairedDifference.of(scores, reference));
        }
        return out;
    }

    /** With groups: each group's mean per model over its averaged datasets. */
    private static void groupSection(StringBuilder sb, Spec spec, Map<String, double[]> means, List<String> common,
                                     List<String> models) {
        if (spec.groups().isEmpty()) {
            return;
        }
        Map<String, List<String>> grouped = spec.grouped(common);
        sb.append("\n## Mean by measure\n\nThe averaged datasets by what their score measures, each group averaged"
                + " apart.\n\n| model |");
        grouped.forEach((g, ds) -> sb.append(' ').append(g).append(" (").append(ds.size())
                .append(ds.size() == 1 ? " dataset) |" : " datasets) |"));
        sb.append("\n|---|").append("---|".repeat(grouped.size())).append('\n');
        for (int m = 0; m < models.size(); m++) {
            sb.append("| ").append(models.get(m)).append(" |");
            for (List<String> ds : grouped.values()) {
                sb.append(' ').append(mean(spec, means, ds, m)).append(" |");
            }
            sb.append('\n');
        }
    }

    private static void differencesSection(StringBuilder sb, Spec spec, Map<String, double[]> means, List<String> common,
                                           List<String> models, String group) {
        Map<String, PairedDifference> diffs = differences(means, common, models);
        if (diffs.isEmpty()) {
            return;
        }
        double scale = spec.percent() ? 100 : 1;
        String f = spec.percent() ? "%+.2f" : "%+.4f";
        sb.append("\n## Paired differences against ").append(models.get(0)).append(group).append("\n\n")
                .append("Per dataset the model's fold mean minus ").append(models.get(0)).append("'s, averaged over the ")
                .append(common.size()).append(" averaged datasets").append(spec.percent() ? " (points)" : "")
                .append("; interval: percentile bootstrap over the datasets (")
                .append(String.format(Locale.ROOT, "%,d", PairedDifference.RESAMPLES)).append(" resamples, seed ")
                .append(PairedDifference.SEED).append(", benchmark.PairedDifference), i.e. how far the mean difference"
                        + " could move on another collection of such datasets.\n\n")
                .append(String.format(Locale.ROOT, "| model | mean difference | %.0f %% interval | standard error |%n",
                        100 * PairedDifference.LEVEL))
                .append("|---|---|---|---|\n");
        diffs.forEach((model, d) -> sb.append(String.format(Locale.ROOT, "| %s | " + f + " | [" + f + ", " + f + "] | %s |%n",
                model, scale * d.mean(), scale * d.lower(), scale * d.upper(),
                String.format(Locale.ROOT, spec.percent() ? "%.2f" : "%.4f", scale * d.standardError()))));
    }

    private static String mean(Spec spec, Map<String, double[]> means, List<String> datasets, int model) {
        return datasets.isEmpty() ? "-" : spec.format(average(means, datasets, model));
    }

    /** The mean over {@code datasets} of model {@code model}'s fold means (NaN for no datasets). */
    public static double average(Map<String, double[]> means, List<String> datasets, int model) {
        double s = 0;
        for (String d : datasets) {
            s += means.get(d)[model];
        }
        return s / datasets.size();
    }

    /** On how many datasets model {@code model} finished every fold. */
    public static int finished(Map<String, double[]> means, int model) {
        int n = 0;
        for (double[] v : means.values()) {
            n += Double.isFinite(v[model]) ? 1 : 0;
        }
        return n;
    }

    /** Per dataset, the mean of the {@code leak=…} hyperparameter over its units (empty when no unit has one). */
    static Map<String, Double> leaks(List<UnitResult> results) {
        Map<String, double[]> sums = new LinkedHashMap<>();
        for (UnitResult u : results) {
            for (String kv : u.hyperparameters().split(";")) {
                if (kv.startsWith("leak=")) {
                    double[] a = sums.computeIfAbsent(u.dataset(), k -> new double[2]);
                    a[0] += Double.parseDouble(kv.substring(5));
                    a[1]++;
                }
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        sums.forEach((d, a) -> out.put(d, a[0] / a[1]));
        return out;
    }

    /** Seconds as {@code h:mm:ss}. */
    public static String duration(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "-";
        }
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}
