package org.featurelab.cli;

import org.featurelab.base.Progress;
import org.featurelab.base.Task;
import org.featurelab.encoding.Preprocessor;
import org.featurelab.kernel.KernelKind;
import org.featurelab.table.Table;
import org.featurelab.tabular.FittedModel;
import org.featurelab.tabular.LearnerConfig;
import org.featurelab.tabular.ModelKind;
import org.featurelab.tabular.TabularLearner;
import org.featurelab.tabular.TabularModel;
import org.featurelab.tabular.Tuner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code featurelab fit}: reads a CSV, fits a tabular model (tuning ridge, bandwidth and iteration on an
 * internal validation split unless they are given) and saves it. Summary on stdout, progress on stderr.
 */
@Command(name = "fit", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Fit a model on a CSV file and save it.",
        footer = {"", "Ridge and bandwidth not given are tuned over the default grids on an internal",
                "validation split (or on --validation), as is the iteration (0..--iters). Example:",
                "  featurelab fit --data train.csv --target species --out species.flm"})
final class FitCommand implements Callable<Integer> {
    /** The flag of each {@link LearnerConfig} field that library messages name (the tuner's advice included). */
    static final FlagNames FLAGS = FlagNames.of("iterations", "--iters", "ridges", "--ridge", "bandwidths", "--bandwidth",
            "maxLeafSize", "--max-leaf-size", "patience", "--patience", "maxTuningRows", "--max-tuning-rows");
    /** The flag of the preprocessor field that progress lines name (the identifier-column warning suggests drop). */
    static final FlagNames PROGRESS_FLAGS = FlagNames.of("drop", "--drop");

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Training data: CSV with a header row.")
    Path data;

    @Option(names = "--validation", paramLabel = "FILE", description = "Validation data (same columns): choose the "
            + "iteration and any tuned value on these rows, with every candidate fitted on all of --data; no internal "
            + "split and no refit (default: an internal split of --data, then a refit on all of it).")
    Path validation;

    @Option(names = "--target", required = true, paramLabel = "COL", description = "Name of the target column.")
    String target;

    @Option(names = "--drop", split = ",", paramLabel = "COL", description = "Columns to leave out, comma-separated (e.g. an id).")
    List<String> drop = List.of();

    @Option(names = "--task", paramLabel = "TASK",
            description = "classification or regression (default: detected; text targets are classes).")
    String task;

    @Option(names = "--model", paramLabel = "MODEL", defaultValue = "nfa-rfm",
            description = "laplace, nfa-rfm, fact-rfm, fact-rfm-gm, nfa-rfm-sqrt (M ← AGOP^½), nfa-rfm+laplace-l1 (nfa-rfm and "
                    + "the plain product-Laplace kernel, each tuned, scores averaged), xgboost (XGBoost's defaults) or "
                    + "xgboost-tuned (max_depth x eta tuned on the validation split) (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--kernel", paramLabel = "KERNEL", defaultValue = "laplace",
            description = "laplace, gaussian or product-laplace (default: ${DEFAULT-VALUE}).")
    String kernel;

    @Option(names = "--iters", paramLabel = "N",
            description = "RFM iterations T; iterations 0..T are scored on validation (default: 5, 0 for laplace; "
                    + "in nfa-rfm+laplace-l1 the nfa-rfm member's, and 0 makes both members plain kernels).")
    Integer iterations;

    @Option(names = "--patience", paramLabel = "P",
            description = "Stop a tuning candidate's iterations once P in a row have not beaten its best validation score; "
                    + "0 scores every iteration 0..T (default: " + LearnerConfig.DEFAULT_PATIENCE + ").")
    Integer patience;

    @Option(names = "--max-tuning-rows", paramLabel = "N",
            description = "Tune on at most N training rows, a seeded stratified subset split 80/20; the refit uses all "
                    + "rows. With --validation only a tree fit (above --max-leaf-size rows) tunes on a capped subset of "
                    + "--data; an exact fit refuses the flag there (default: " + LearnerConfig.DEFAULT_MAX_TUNING_ROWS + ").")
    Integer maxTuningRows;

    @Option(names = "--ridge", paramLabel = "R", description = "Fixed ridge λ >= 0 (default: tuned over 1e-3, 0.1, 1).")
    Double ridge;

    @Option(names = "--bandwidth", paramLabel = "L", description = "Fixed bandwidth L > 0 (default: tuned over 2, 5, 10, 20).")
    Double bandwidth;

    @Option(names = "--diagonal", description = "Learn only the diagonal of M (no effect on models that keep M = I: "
            + "laplace, and the laplace-l1 member of nfa-rfm+laplace-l1).")
    boolean diagonal;

    @Option(names = "--no-intercept", description = "Fit the kernel machine to the raw targets, without an intercept "
            + "(default: fit Y − ȳ and predict ȳ + f(x), so that predictions far from the data tend to the mean).")
    boolean noIntercept;

    @Option(names = "--max-leaf-size", paramLabel = "N", defaultValue = "auto",
            description = "Kernel machines on more training rows than N are fitted as a tree-partitioned RFM with leaves "
                    + "of at most N rows; auto: exact up to 20000 rows, leaves of 5000 above (default: ${DEFAULT-VALUE}).")
    String maxLeafSize;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Seed of the validation split, and XGBoost's seed for the tree models (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "MODEL", description = "Model file to write (e.g. model.flm).")
    Path out;

    @Mixin
    PrecisionOption precision;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        org.featurelab.kernel.KernelMaps.warmUpInBackground(); // compiles the SIMD maps while the CSV is read
        TabularLearner learner = new TabularLearner(preprocessor(), FLAGS.apply(this::config));
        Outputs.requireWritable(out, "--out");
        Outputs.requireReadable(data, "--data");
        if (validation != null) {
            Outputs.requireReadable(validation, "--validation");
        }
        long start = System.nanoTime();
        // the validation file is read on another thread while this one reads the training file
        java.util.concurrent.CompletableFuture<Table> reading = validation == null ? null
                : java.util.concurrent.CompletableFuture.supplyAsync(() -> Table.readCsv(validation));
        Table table = Table.readCsv(data);
        Table held = reading == null ? null : joined(reading);
        if (held != null && maxTuningRows != null && learner.config().leafSizeFor(table.rowCount()) == 0) {
            throw new IllegalArgumentException("--max-tuning-rows does not apply here: with --validation an exact fit "
                    + "fits every candidate on all " + table.rowCount() + " rows of --data (only a tree of kernel machines, "
                    + "above --max-leaf-size rows, tunes on a capped subset)");
        }
        Progress progress = PROGRESS_FLAGS.progress(common.progress());
        TabularModel fitted = FLAGS.apply(() -> learner.fit(table, held, common.commandLine(), progress));
        fitted.save(out);
        double seconds = (System.nanoTime() - start) / 1e9;
        summary(common.out(), table, fitted, seconds);
        return 0;
    }

    /** The table read on another thread; its failure (bad input) rethrown as it was raised. */
    private static Table joined(java.util.concurrent.CompletableFuture<Table> reading) {
        try {
            return reading.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** --max-leaf-size: auto (0) or a row count. */
    private int leafSize() {
        if (maxLeafSize.strip().equalsIgnoreCase("auto")) {
            return LearnerConfig.AUTO_LEAF_SIZE;
        }
        try {
            return Integer.parseInt(maxLeafSize.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--max-leaf-size: expected a row count or auto, got '" + maxLeafSize + "'");
        }
    }

    Preprocessor preprocessor() {
        Task parsedTask = task == null || task.equalsIgnoreCase("auto") ? null : Task.parse(task);
        return new Preprocessor(target, drop, parsedTask);
    }

    LearnerConfig config() {
        ModelKind kind = ModelKind.parse(model);
        KernelKind k = KernelKind.parse(kernel);
        if (kind.isBoosted()) {
            requireKernelDefaults(kind, k);
        }
        LearnerConfig c = LearnerConfig.defaults(kind).withKernel(k).withDiagonal(diagonal).withSeed(seed)
                .withPrecision(precision.policy()).withCenterTargets(!noIntercept).withMaxLeafSize(leafSize());
        if (iterations != null) {
            c = c.withIterations(iterations);
        }
        if (ridge != null) {
            c = c.withRidges(List.of(ridge));
        }
        if (patience != null) {
            c = c.withPatience(patience);
        }
        if (bandwidth != null) {
            c = c.withBandwidths(List.of(bandwidth));
        }
        if (maxTuningRows != null) {
            c = c.withMaxTuningRows(maxTuningRows);
        }
        return c;
    }

    /** The kernel flags mean nothing to trees: given with xgboost they are refused rather than ignored. */
    private void requireKernelDefaults(ModelKind kind, KernelKind k) {
        List<String> given = new java.util.ArrayList<>();
        if (k != KernelKind.LAPLACE) {
            given.add("--kernel");
        }
        if (patience != null) {
            given.add("--patience");
        }
        if (iterations != null) {
            given.add("--iters");
        }
        if (ridge != null) {
            given.add("--ridge");
        }
        if (bandwidth != null) {
            given.add("--bandwidth");
        }
        if (diagonal) {
            given.add("--diagonal");
        }
        if (noIntercept) {
            given.add("--no-intercept");
        }
        if (!given.isEmpty()) {
            throw new IllegalArgumentException(String.join(", ", given) + (given.size() > 1 ? " apply" : " applies")
                    + " to the kernel models, not to " + kind.id());
        }
    }

    private void summary(PrintWriter w, Table table, TabularModel m, double seconds) {
        if (m.fitted() instanceof FittedModel.Ensemble e) {
            ensembleSummary(w, table, m, e, seconds);
            return;
        }
        if (!m.isKernel() && !m.isPartitioned()) {
            treeSummary(w, table, m, seconds);
            return;
        }
        Tuner.Result tuning = m.tuning();
        Tuner.Candidate chosen = tuning.chosen();
        w.printf(Locale.ROOT, "model       %s (kernel %s, %s M, %s)%n", m.config().model().id(), m.config().kernel().id(),
                m.config().diagonal() ? "diagonal" : "full", m.config().centerTargets() ? "intercept" : "no intercept");
        dataLines(w, table, m);
        if (m.fitted() instanceof FittedModel.Partitioned p) {
            w.printf(Locale.ROOT, "chosen      L=%s ridge=%s (tuned once on %d rows); iteration per leaf%n",
                    TextTable.general(chosen.bandwidth()), TextTable.general(chosen.ridge()), tuning.fitRows());
            w.printf(Locale.ROOT, "tree        %d leaves of at most %d rows, depth %d%n", p.model().leaves().size(),
                    p.maxLeafSize(), p.model().tree().depth());
        } else {
            w.printf(Locale.ROOT, "chosen      L=%s ridge=%s iteration=%d%n", TextTable.general(chosen.bandwidth()),
                    TextTable.general(chosen.ridge()), m.rfm().iteration());
        }
        if (tuning.validationRows() > 0) {
            String score = m.task() == Task.CLASSIFICATION
                    ? String.format(Locale.ROOT, "accuracy %.4f", chosen.validationScore())
                    : String.format(Locale.ROOT, "MSE %s", TextTable.general(-chosen.validationScore()));
            w.printf(Locale.ROOT, "validation  %s (best of %d candidates, %d %s)%n", score,
                    tuning.candidates().size(), tuning.validationRows(),
                    validation == null ? "validation rows" : "rows of --validation; no refit");
        } else {
            w.printf("validation  none (hyper-parameters fixed)%n");
        }
        w.printf(Locale.ROOT, "time        %.2f s%n", seconds);
        w.printf("saved       %s%n", out);
        w.flush();
    }

    private void treeSummary(PrintWriter w, Table table, TabularModel m, double seconds) {
        var f = m.fitted();
        w.printf(Locale.ROOT, "model       %s (gradient-boosted trees, XGBoost)%n", m.config().model().id());
        dataLines(w, table, m);
        w.printf(Locale.ROOT, "chosen      %s%n", f.hyperparameters().replace(';', ' '));
        if (f.validationRows() > 0) {
            String score = m.task() == Task.CLASSIFICATION
                    ? String.format(Locale.ROOT, "accuracy %.4f", f.validationScore())
                    : String.format(Locale.ROOT, "MSE %s", TextTable.general(-f.validationScore()));
            w.printf(Locale.ROOT, "validation  %s (best of %d candidates, %d validation rows)%n", score, f.candidates(),
                    f.validationRows());
        } else {
            w.printf("validation  none (XGBoost's defaults)%n");
        }
        w.printf(Locale.ROOT, "time        %.2f s%n", seconds);
        w.printf("saved       %s%n", out);
        w.flush();
    }

    /** The task, row count and encoded feature count: the same lines for every model kind. */
    private static void dataLines(PrintWriter w, Table table, TabularModel m) {
        w.printf(Locale.ROOT, "task        %s%s%n", m.task().label(),
                m.task() == Task.CLASSIFICATION ? " (" + m.outputNames().size() + " classes)" : "");
        w.printf(Locale.ROOT, "rows        %d%n", table.rowCount());
        w.printf(Locale.ROOT, "features    %d columns -> %d encoded features%n", m.preprocessing().inputColumns().size(),
                m.preprocessing().featureCount());
    }

    private void ensembleSummary(PrintWriter w, Table table, TabularModel m, FittedModel.Ensemble e, double seconds) {
        w.printf(Locale.ROOT, "model       %s (ensemble of %d kernel machines, scores averaged, %s)%n",
                m.config().model().id(), e.members().size(), m.config().centerTargets() ? "intercept" : "no intercept");
        dataLines(w, table, m);
        for (int k = 0; k < e.members().size(); k++) {
            FittedModel.Kernel member = e.members().get(k);
            w.printf(Locale.ROOT, "member      %s (kernel %s): %s%n", e.names().get(k), member.rfm().kernel().name(),
                    member.hyperparameters().replace(';', ' '));
        }
        if (e.validationRows() > 0) {
            String score = m.task() == Task.CLASSIFICATION
                    ? String.format(Locale.ROOT, "accuracy %.4f", e.validationScore())
                    : String.format(Locale.ROOT, "MSE %s", TextTable.general(-e.validationScore()));
            w.printf(Locale.ROOT, "validation  %s (the members' choices averaged; %d candidates, %d %s)%n", score,
                    e.candidates(), e.validationRows(), validation == null ? "validation rows" : "rows of --validation; no refit");
        } else {
            w.printf("validation  none (hyper-parameters fixed)%n");
        }
        w.printf(Locale.ROOT, "time        %.2f s%n", seconds);
        w.printf("saved       %s%n", out);
        w.flush();
    }
}
