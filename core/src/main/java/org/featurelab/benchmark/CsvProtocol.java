package org.featurelab.benchmark;

import org.featurelab.base.Task;
import org.featurelab.encoding.Preprocessor;
import org.featurelab.table.Table;
import org.featurelab.tabular.Evaluation;
import org.featurelab.tabular.LearnerConfig;
import org.featurelab.tabular.ModelKind;
import org.featurelab.tabular.TabularLearner;
import org.featurelab.tabular.TabularModel;

import java.util.List;

/**
 * One unit (dataset, fold, model) of {@code featurelab benchmark csv}, as a pure function of its inputs: exactly what
 * {@code featurelab fit} followed by {@code featurelab eval} does on the fold's rows.
 * <ol>
 *   <li>The fold's training rows ({@link CsvFolds}) are taken from the raw table, in file order.</li>
 *   <li>{@link TabularLearner} with the manifest's target, drop list and task fits the preprocessing on those rows only,
 *       tunes bandwidth, ridge and iteration on its internal validation split and refits on all the fold's training
 *       rows ({@link #config}: {@link LearnerConfig#defaults} with the run's seed, as {@code fit --seed S}).</li>
 *   <li>{@link TabularModel#evaluate} on the fold's test rows: accuracy for classification, R² for regression.</li>
 * </ol>
 */
public final class CsvProtocol {
    /** The bandwidth of {@code --quick} ({@code fit --bandwidth 10}). */
    public static final double QUICK_BANDWIDTH = 10;
    /** The RFM iterations T of {@code --quick} ({@code fit --iters 2}). */
    public static final int QUICK_ITERATIONS = 2;

    private CsvProtocol() {
    }

    /**
     * A loaded dataset with its fold assignment.
     *
     * @param folds the fold of every row ({@link CsvFolds#assign})
     */
    public record Data(CsvManifest.Entry entry, Table table, int[] folds) {
    }

    /**
     * Reads the entry's CSV and assigns its rows to {@code k} folds.
     *
     * @throws IllegalArgumentException (or an I/O exception) when the file is missing or unreadable, the target or a
     *                                  dropped column is absent, or there are fewer rows than folds
     */
    public static Data load(CsvManifest.Entry entry, int k, long seed) {
        Table table = Table.readCsv(entry.path());
        for (String column : entry.drop()) {
            table.columnIndex(column);
        }
        return new Data(entry, table, CsvFolds.assign(table, entry.target(), entry.task(), k, seed));
    }

    /**
     * The learner configuration of a model: {@code fit}'s defaults with {@code seed}; with {@code quick}, the bandwidth
     * fixed to {@value #QUICK_BANDWIDTH} and T = {@value #QUICK_ITERATIONS} for the RFMs (ridge still tuned over
     * {@link LearnerConfig#RIDGES}), i.e. {@code fit --bandwidth 10 --iters 2}; the trees ignore {@code quick}. Without
     * {@code intercept} the kernels fit the raw targets ({@code fit --no-intercept}).
     */
    public static LearnerConfig config(ModelKind model, boolean quick, boolean intercept, long seed) {
        LearnerConfig c = LearnerConfig.defaults(model).withSeed(seed).withCenterTargets(intercept);
        if (quick && model.isKernel()) {
            c = c.withBandwidths(List.of(QUICK_BANDWIDTH)).withIterations(Math.min(QUICK_ITERATIONS, model.defaultIterations()));
        }
        return c;
    }

    /** The preprocessing of a manifest entry, as {@code fit --target T --drop D --task K}. */
    public static Preprocessor preprocessor(CsvManifest.Entry entry) {
        return new Preprocessor(entry.target(), entry.drop(), entry.task());
    }

    /** What a dataset's test score measures: {@code accuracy} for classification, {@code R²} for regression. */
    public static String measure(Task task) {
        return task == Task.CLASSIFICATION ? "accuracy" : "R²";
    }

    /**
     * Runs fold {@code j} of {@code data} with {@code config}. Hyperparameters {@code L=…;ridge=…;iteration=…} (kernels)
     * or {@code max_depth=…;eta=…;rounds=…} (trees) are the chosen candidate's; the validation score is the tuner's
     * (accuracy, or −MSE for regression; NaN when nothing was tuned, as for {@code xgboost}); the test score is
     * accuracy or R² of the refitted model on the fold's test rows. The trees are tuned on the same internal split as
     * the kernels ({@code tabular.Tuner#rows}, same seed).
     */
    public static UnitResult run(Data data, int j, String modelName, LearnerConfig config) {
        long start = System.nanoTime();
        CsvFolds.Fold fold = CsvFolds.fold(data.folds(), j);
        Table train = data.table().selectRows(fold.train());
        Table test = data.table().selectRows(fold.test());
        TabularModel model = new TabularLearner(preprocessor(data.entry()), config).fit(train);
        Evaluation e = model.evaluate(test);
        double testScore = e.task() == Task.CLASSIFICATION ? e.accuracy() : e.r2();
        return new UnitResult(data.entry().name(), j, modelName, model.fitted().hyperparameters(),
                model.fitted().validationScore(), testScore, (System.nanoTime() - start) / 1e9);
    }
}
