package org.featurelab.cli;

import org.featurelab.base.Progress;
import org.featurelab.base.Task;
import org.featurelab.encoding.Preprocessor;
import org.featurelab.linalg.Blas;
import org.featurelab.linalg.Matrix;
import org.featurelab.report.BarChart;
import org.featurelab.report.HeatMap;
import org.featurelab.report.HtmlReport;
import org.featurelab.table.Table;
import org.featurelab.tabular.FeatureImportances;
import org.featurelab.tabular.LearnerConfig;
import org.featurelab.tabular.ModelKind;
import org.featurelab.tabular.Splits;
import org.featurelab.tabular.TabularLearner;
import org.featurelab.tabular.TabularModel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The demo behind {@code featurelab demo}: on each bundled dataset (resources {@code /datasets/*.csv}), a
 * stratified 75/25 split with a fixed seed, then Laplace, NFA-RFM and FACT-RFM fitted with their defaults
 * (tuned on an internal validation split of the training rows) and scored on the held-out quarter.
 */
final class Demo {
    /** A bundled dataset: resource name and target column. */
    record Dataset(String name, String target) {
    }

    /** The bundled datasets, copies of the scikit-learn ones (see resources/datasets/README.md). */
    static final List<Dataset> DATASETS = List.of(new Dataset("breast_cancer", "diagnosis"), new Dataset("wine", "cultivar"));
    /** The models compared. */
    static final List<ModelKind> MODELS = List.of(ModelKind.LAPLACE, ModelKind.NFA_RFM, ModelKind.FACT_RFM);
    /** Share of the rows held out for testing. */
    static final double TEST_FRACTION = 0.25;

    /** One fitted model and its test score. */
    record Fit(Dataset dataset, int trainRows, int testRows, ModelKind kind, TabularModel model, double testAccuracy,
               double fitSeconds) {
    }

    /** All fits, in dataset then model order. */
    record Result(List<Fit> fits) {
        /**
         * The RFM (not the plain kernel) with the best test accuracy on a dataset; ties go to one that kept a
         * learned M (iteration &gt; 0), then to the first in {@link #MODELS}.
         */
        Fit bestRfm(Dataset d) {
            return fits.stream().filter(f -> f.dataset().equals(d) && f.kind() != ModelKind.LAPLACE)
                    .max(Comparator.comparingDouble(Fit::testAccuracy)
                            .thenComparing(f -> f.model().rfm().iteration() > 0)
                            .thenComparing(f -> -MODELS.indexOf(f.kind())))
                    .orElseThrow();
        }

        Fit fit(Dataset d, ModelKind kind) {
            return fits.stream().filter(f -> f.dataset().equals(d) && f.kind() == kind).findFirst().orElseThrow();
        }
    }

    private Demo() {
    }

    /** Fits every model on every dataset; one progress line per fit. */
    static Result run(long seed, String commandLine, Progress progress) {
        List<Fit> fits = new ArrayList<>();
        for (Dataset d : DATASETS) {
            Table table = Table.readBundled(d.name());
            Matrix y = Preprocessor.forTarget(d.target()).withTask(Task.CLASSIFICATION).fit(table).prepare(table).y();
            Splits.Split split = Splits.holdOut(Task.CLASSIFICATION, y, TEST_FRACTION, seed);
            Table train = table.selectRows(split.fit());
            Table test = table.selectRows(split.validation());
            for (ModelKind kind : MODELS) {
                progress.message(String.format(Locale.ROOT, "%s: fitting %s on %d rows ...", d.name(), kind.id(),
                        train.rowCount()));
                TabularLearner learner = new TabularLearner(Preprocessor.forTarget(d.target()),
                        LearnerConfig.defaults(kind).withSeed(seed));
                long start = System.nanoTime();
                TabularModel model = learner.fit(train, commandLine, Progress.NONE);
                double seconds = (System.nanoTime() - start) / 1e9;
                double accuracy = model.evaluate(test).accuracy();
                fits.add(new Fit(d, train.rowCount(), test.rowCount(), kind, model, accuracy, seconds));
            }
        }
        return new Result(fits);
    }

    /** The printed table: dataset, model, test accuracy, fit seconds. */
    static TextTable table(Result r) {
        TextTable t = new TextTable("dataset", "train/test rows", "model", "test accuracy", "fit seconds");
        for (Fit f : r.fits()) {
            t.row(f.dataset().name(), f.trainRows() + "/" + f.testRows(), f.kind().id(), TextTable.fixed(f.testAccuracy(), 4),
                    TextTable.fixed(f.fitSeconds(), 2));
        }
        return t;
    }

    /** The top {@code k} original columns of a model, as "name share" pairs. */
    static String topColumns(TabularModel m, int k) {
        String top = m.importances().rankedColumns().stream().limit(k)
                .map(e -> String.format(Locale.ROOT, "%s %.3f", e.name(), e.share()))
                .collect(Collectors.joining(", "));
        return m.rfm().iteration() == 0 ? top + " (tuning kept iteration 0, M = I: no feature learned)" : top;
    }

    /** The HTML report: the table, then per dataset heat maps of M (NFA-RFM, FACT-RFM) and column importances. */
    static HtmlReport report(Result r, long seed) {
        TextTable table = table(r);
        HtmlReport html = new HtmlReport().title("featurelab demo: feature learning on tabular data")
                .paragraph("Each dataset is split 75/25 (stratified, seed " + seed + "). Every model tunes its bandwidth, "
                        + "ridge and number of RFM iterations on an internal validation split of the training rows, is "
                        + "refitted on all of them, and is scored on the held-out rows. Laplace is the plain kernel "
                        + "(M = I); NFA-RFM learns M from the average gradient outer product, FACT-RFM from the FACT "
                        + "matrix.")
                .table(table.header(), table.rows());
        for (Dataset d : DATASETS) {
            Fit best = r.bestRfm(d);
            html.heading(d.name() + " (target " + d.target() + ")")
                    .paragraph("Top columns of the best RFM (" + best.kind().id() + ", share of diag(M)): "
                            + topColumns(best.model(), 5) + ".");
            for (ModelKind kind : List.of(ModelKind.NFA_RFM, ModelKind.FACT_RFM)) {
                FeatureImportances imp = r.fit(d, kind).model().importances();
                html.image(d.name() + ": feature matrix M learned by " + kind.id(),
                        HeatMap.pngBytes(imp.metric(), imp.featureNames(), imp.featureNames(), d.name() + " — M of " + kind.id()));
            }
            List<FeatureImportances.Entry> columns = best.model().importances().rankedColumns();
            html.image(d.name() + ": column importances of " + best.kind().id() + " (share of diag(M))",
                    BarChart.pngBytes(columns.stream().map(FeatureImportances.Entry::name).toList(),
                            columns.stream().mapToDouble(FeatureImportances.Entry::share).toArray(),
                            d.name() + " — column importances (" + best.kind().id() + ")", "share of diag(M)"));
        }
        html.heading("Environment").preformatted("featurelab " + org.featurelab.io.Provenance.currentLibraryVersion()
                + "\nJava " + Runtime.version() + "\n" + Blas.describe() + ", " + SpeedRfmCommand.threads());
        return html;
    }

}
