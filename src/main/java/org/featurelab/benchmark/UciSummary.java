package org.featurelab.benchmark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code summary.md} of {@code featurelab benchmark uci}: per model the mean test accuracy over datasets (each
 * dataset = mean over its four folds), counted only over the datasets on which <em>every</em> model of the run
 * finished all folds, so that all models are averaged over the same datasets; wins/ties/losses between each pair of
 * models on those datasets (ties: fold means equal within {@value #TIE}); the papers' numbers side by side; one
 * row per dataset.
 */
public final class UciSummary {
    /** Fold means closer than this are a tie. */
    public static final double TIE = 1e-9;

    /** Mean test accuracy (%) over 120 UCI datasets reported by the RFM / FACT papers (../shared/REFERENCE.md §8). */
    public static final Map<String, Double> PAPERS = papers();

    private UciSummary() {
    }

    private static Map<String, Double> papers() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("fact-rfm", 85.22);
        m.put("fact-rfm-gm", 84.99);
        m.put("nfa-rfm", 85.10);
        m.put("laplace", 83.71);
        return java.util.Collections.unmodifiableMap(m);
    }

    /**
     * Per dataset (in {@code datasets} order) and model, the mean test accuracy over the folds, or NaN unless all
     * {@link UciDataset#FOLDS} folds finished with a finite test accuracy.
     */
    public static Map<String, double[]> foldMeans(List<UciProtocol.Result> results, List<String> datasets, List<String> models) {
        Map<String, double[][]> byFold = new HashMap<>();
        for (UciProtocol.Result r : results) {
            int m = models.indexOf(r.model());
            if (m < 0 || r.fold() < 0 || r.fold() >= UciDataset.FOLDS) {
                continue;
            }
            double[][] a = byFold.computeIfAbsent(r.dataset(), k -> nanGrid(models.size()));
            a[m][r.fold()] = r.testAccuracy();
        }
        Map<String, double[]> means = new LinkedHashMap<>();
        for (String d : datasets) {
            double[][] a = byFold.getOrDefault(d, nanGrid(models.size()));
            double[] mean = new double[models.size()];
            for (int m = 0; m < models.size(); m++) {
                double s = 0;
                for (double v : a[m]) {
                    s += v;
                }
                mean[m] = Double.isFinite(s) ? s / UciDataset.FOLDS : Double.NaN;
            }
            means.put(d, mean);
        }
        return means;
    }

    private static double[][] nanGrid(int models) {
        double[][] a = new double[models][UciDataset.FOLDS];
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
    public static String markdown(UciBenchmark.Outcome outcome, List<String> datasets, List<String> models, double wallSeconds) {
        Map<String, double[]> means = foldMeans(outcome.results(), datasets, models);
        List<String> common = common(means);
        StringBuilder sb = new StringBuilder("# featurelab benchmark uci: summary\n\n");
        sb.append(String.format(Locale.ROOT, "%d datasets × %d folds × %d models = %d units; %d finished, %d failed in this run.%n%n",
                datasets.size(), UciDataset.FOLDS, models.size(), outcome.total(), outcome.results().size(),
                outcome.failures().size()));
        sb.append("## Mean test accuracy\n\n");
        sb.append("Each dataset counts with the mean of its four folds' test accuracy. Only the ").append(common.size())
                .append(" datasets on which every model finished all four folds are averaged, so that all models are"
                        + " compared on the same datasets. The papers' numbers are over 120 datasets; ours are over the"
                        + " datasets run here.\n\n");
        sb.append("| model | mean test accuracy (%) | datasets averaged | datasets finished by this model | papers (120 datasets) |\n");
        sb.append("|---|---|---|---|---|\n");
        for (int m = 0; m < models.size(); m++) {
            double s = 0;
            for (String d : common) {
                s += means.get(d)[m];
            }
            int own = 0;
            for (double[] v : means.values()) {
                own += Double.isFinite(v[m]) ? 1 : 0;
            }
            Double paper = PAPERS.get(models.get(m));
            sb.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %s |%n", models.get(m),
                    common.isEmpty() ? "-" : String.format(Locale.ROOT, "%.2f", 100 * s / common.size()), common.size(), own,
                    paper == null ? "-" : String.format(Locale.ROOT, "%.2f", paper)));
        }
        sb.append("\nThe papers (../shared/REFERENCE.md §8): ");
        List<String> quoted = new ArrayList<>();
        PAPERS.forEach((k, v) -> quoted.add(String.format(Locale.ROOT, "%s %.2f", k, v)));
        sb.append(String.join(", ", quoted)).append(" — mean test accuracy (%) over 120 datasets.\n\n");
        sb.append("## Wins / ties / losses\n\n");
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
        sb.append("\n## Per dataset (mean test accuracy over the folds, %)\n\n| dataset |");
        models.forEach(m -> sb.append(' ').append(m).append(" |"));
        sb.append("\n|---|").append("---|".repeat(models.size())).append('\n');
        means.forEach((d, v) -> {
            sb.append("| ").append(d).append(" |");
            for (double x : v) {
                sb.append(' ').append(Double.isFinite(x) ? String.format(Locale.ROOT, "%.2f", 100 * x) : "-").append(" |");
            }
            sb.append('\n');
        });
        double compute = outcome.results().stream().mapToDouble(UciProtocol.Result::seconds).sum();
        sb.append(String.format(Locale.ROOT, "%n## Time%n%nTotal wall time of this run: %s. Sum of the units' seconds in"
                + " results.csv (earlier runs included): %s.%n", duration(wallSeconds), duration(compute)));
        if (!outcome.failures().isEmpty()) {
            sb.append(String.format(Locale.ROOT, "%n%d units failed in this run; see failures.csv.%n", outcome.failures().size()));
        }
        return sb.toString();
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
