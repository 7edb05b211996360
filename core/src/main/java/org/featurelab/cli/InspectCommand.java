package org.featurelab.cli;

import org.featurelab.base.Task;
import org.featurelab.io.AtomicFiles;
import org.featurelab.io.Provenance;
import org.featurelab.report.HeatMap;
import org.featurelab.rfm.RfmModel;
import org.featurelab.tabular.FeatureImportances;
import org.featurelab.tabular.FittedModel;
import org.featurelab.tabular.TabularModel;
import org.featurelab.tabular.Tuner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code featurelab inspect}: what a model file holds and what it learned. Provenance, model summary, the
 * share of diag(M) per original column, and the leading eigenvectors of M with their largest loadings;
 * {@code --png} writes a heat map of M labelled with the encoded feature names.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Show a model's provenance, settings and learned feature importances.")
final class InspectCommand implements Callable<Integer> {
    /** Eigenvectors of M listed. */
    static final int EIGENVECTORS = 3;
    /** Loadings listed per eigenvector. */
    static final int LOADINGS = 5;

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "MODEL", description = "Model file written by 'featurelab fit'.")
    Path model;

    @Option(names = "--png", paramLabel = "FILE", description = "Also write a heat map of M to this PNG file.")
    Path png;

    @Option(names = "--top", paramLabel = "K", defaultValue = "10",
            description = "List at most K columns by importance (default: ${DEFAULT-VALUE}).")
    int top;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        if (top < 1) {
            throw new ParameterException(spec.commandLine(), "--top must be at least 1, got " + top);
        }
        if (png != null) {
            Outputs.requireWritable(png, "--png");
        }
        TabularModel m = TabularModel.load(model);
        if (png != null && m.fitted() instanceof FittedModel.Trees) {
            throw new ParameterException(spec.commandLine(), "--png draws the feature matrix M; model "
                    + m.config().model().id() + " (boosted trees) has none");
        }
        FeatureImportances imp = m.importances();
        PrintWriter out = common.out();
        provenance(out, m.provenance());
        if (m.fitted() instanceof FittedModel.Trees) {
            treeSummary(out, m);
            treeImportances(out, imp);
            out.flush();
            return 0;
        }
        if (m.fitted() instanceof FittedModel.Ensemble e) {
            ensembleSummary(out, m, e);
            out.println();
            out.println("Importances: those of the first member, " + e.names().get(0) + " (the others keep M = I)");
            importances(out, imp, e.members().get(0).rfm().iteration() == 0);
            heatMap(out, imp, m);
            out.flush();
            return 0;
        }
        if (m.isPartitioned()) {
            PartitionInspect.print(out, m, top);
            importances(out, imp, false);
            out.flush();
            return 0;
        }
        summary(out, m);
        importances(out, imp, m.rfm().iteration() == 0);
        heatMap(out, imp, m);
        out.flush();
        return 0;
    }

    /** With --png, the heat map of M (the matrix the importances came from). */
    private void heatMap(PrintWriter out, FeatureImportances imp, TabularModel m) {
        if (png == null) {
            return;
        }
        List<String> names = imp.featureNames();
        byte[] bytes = HeatMap.pngBytes(imp.metric(), names, names, "Feature matrix M — " + m.config().model().id()
                + " (" + model.getFileName() + ")");
        AtomicFiles.writeBytes(png, bytes);
        out.printf("%nheat map of M written to %s%n", png);
    }

    private static void provenance(PrintWriter out, Provenance p) {
        out.println("Provenance");
        out.printf("  library version   %s%n", p.libraryVersion());
        out.printf("  created           %s%n", p.createdAt());
        out.printf("  seed              %d%n", p.seed());
        out.printf("  data fingerprint  %s%n", p.dataFingerprint());
        out.printf("  command line      %s%n", p.commandLine());
        out.printf("  java              %s%n", p.javaVersion());
        out.printf("  native BLAS       %s%n", p.nativeBlas());
    }

    private static void summary(PrintWriter out, TabularModel m) {
        RfmModel rfm = m.rfm();
        out.println();
        out.println("Model");
        out.printf(Locale.ROOT, "  kind              %s, kernel %s, %s M%n", m.config().model().id(), rfm.kernel().name(),
                rfm.config().diagonal() ? "diagonal" : "full");
        out.printf(Locale.ROOT, "  hyper-parameters  L=%s ridge=%s iteration %d of %d%n",
                TextTable.general(rfm.kernel().bandwidth()), TextTable.general(rfm.config().ridge()), rfm.iteration(),
                m.config().iterations());
        dataLines(out, m);
        out.printf("  training centers  %d%n", rfm.centers().rows());
        Tuner.Result t = m.tuning();
        if (t.validationRows() > 0) {
            out.printf(Locale.ROOT, "  tuning            %d candidates on %d fit / %d validation rows; chosen validation %s %.4f%n",
                    t.candidates().size(), t.fitRows(), t.validationRows(),
                    m.task() == Task.CLASSIFICATION ? "accuracy" : "-MSE", t.chosen().validationScore());
        } else {
            out.println("  tuning            none (hyper-parameters fixed)");
        }
    }

    private static void ensembleSummary(PrintWriter out, TabularModel m, FittedModel.Ensemble e) {
        out.println();
        out.println("Model");
        out.printf(Locale.ROOT, "  kind              %s, an ensemble of %d kernel machines (scores averaged)%n",
                m.config().model().id(), e.members().size());
        for (int k = 0; k < e.members().size(); k++) {
            RfmModel rfm = e.members().get(k).rfm();
            out.printf(Locale.ROOT, "  member %d          %s: kernel %s, L=%s ridge=%s iteration %d, %d training centers%n",
                    k + 1, e.names().get(k), rfm.kernel().name(), TextTable.general(rfm.kernel().bandwidth()),
                    TextTable.general(rfm.config().ridge()), rfm.iteration(), rfm.centers().rows());
        }
        dataLines(out, m);
        if (e.validationRows() > 0) {
            out.printf(Locale.ROOT, "  tuning            %d candidates on %d fit / %d validation rows; ensemble validation %s %.4f%n",
                    e.candidates(), e.fitRows(), e.validationRows(),
                    m.task() == Task.CLASSIFICATION ? "accuracy" : "-MSE", e.validationScore());
        } else {
            out.println("  tuning            none (hyper-parameters fixed)");
        }
    }

    /** The task, input columns and encoded feature count: the same for every model kind. */
    private static void dataLines(PrintWriter out, TabularModel m) {
        String outputs = m.task() == Task.CLASSIFICATION
                ? m.outputNames().size() + " classes: " + String.join(", ", m.outputNames())
                : "target " + m.outputNames().get(0);
        out.printf("  task              %s (%s)%n", m.task().label(), outputs);
        out.printf("  inputs            %d columns: %s%n", m.preprocessing().inputColumns().size(),
                String.join(", ", m.preprocessing().inputColumns()));
        out.printf("  encoded features  %d%n", m.preprocessing().featureCount());
    }

    private static void treeSummary(PrintWriter out, TabularModel m) {
        var f = m.fitted();
        out.println();
        out.println("Model");
        out.printf(Locale.ROOT, "  kind              %s, gradient-boosted trees (XGBoost)%n", m.config().model().id());
        out.printf(Locale.ROOT, "  hyper-parameters  %s%n", f.hyperparameters().replace(';', ' '));
        dataLines(out, m);
        if (f.validationRows() > 0) {
            out.printf(Locale.ROOT, "  tuning            %d candidates on %d fit / %d validation rows; chosen validation %s %.4f%n",
                    f.candidates(), f.fitRows(), f.validationRows(),
                    m.task() == Task.CLASSIFICATION ? "accuracy" : "-MSE", f.validationScore());
        } else {
            out.println("  tuning            none (XGBoost's defaults)");
        }
    }

    private void treeImportances(PrintWriter out, FeatureImportances imp) {
        columnTable(out, imp, "Column importances (share of XGBoost's total gain, summed over each column's encoded features)",
                null);
    }

    /** The ranked column shares as a table under {@code heading} (and {@code note} when not null), at most --top rows. */
    private void columnTable(PrintWriter out, FeatureImportances imp, String heading, String note) {
        List<FeatureImportances.Entry> columns = imp.rankedColumns();
        out.println();
        out.println(heading);
        if (note != null) {
            out.println(note);
        }
        TextTable table = new TextTable("rank", "column", "share", "");
        for (int r = 0; r < Math.min(top, columns.size()); r++) {
            FeatureImportances.Entry e = columns.get(r);
            table.row(r + 1, e.name(), TextTable.fixed(e.share(), 4), "#".repeat((int) Math.round(40 * e.share())));
        }
        out.print(indent(table.render()));
        if (columns.size() > top) {
            out.printf("  ... %d more columns (--top to show more)%n", columns.size() - top);
        }
    }

    private void importances(PrintWriter out, FeatureImportances imp, boolean learnedNothing) {
        columnTable(out, imp, "Column importances (share of diag(M), summed over each column's encoded features)",
                learnedNothing ? "  (the kept iteration is 0: M = I, the plain kernel, so every feature weighs the same)" : null);
        double trace = 0;
        for (double v : imp.eigenvalues()) {
            trace += Math.max(0, v);
        }
        out.println();
        out.println("Top eigenvectors of M (largest loadings)");
        int k = Math.min(EIGENVECTORS, imp.eigenvalues().length);
        for (int i = 0; i < k; i++) {
            double lambda = imp.eigenvalues()[i];
            String loadings = imp.eigenvectorLoadings(i, Math.min(LOADINGS, top)).stream()
                    .map(e -> String.format(Locale.ROOT, "%s %+.3f", e.name(), e.share()))
                    .collect(Collectors.joining(", "));
            out.printf(Locale.ROOT, "  #%d  eigenvalue %s (%s of trace): %s%n", i + 1, TextTable.general(lambda),
                    trace > 0 ? String.format(Locale.ROOT, "%.1f%%", 100 * Math.max(0, lambda) / trace) : "-", loadings);
        }
    }

    private static String indent(String text) {
        return text.lines().map(l -> "  " + l).collect(Collectors.joining("\n", "", "\n"));
    }
}
