package org.featurelab.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.featurelab.base.Task;
import org.featurelab.io.Json;
import org.featurelab.table.Table;
import org.featurelab.tabular.Evaluation;
import org.featurelab.tabular.TabularModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code featurelab eval}: scores a saved model on labelled rows. Accuracy for classification; RMSE, MAE and
 * R² for regression. {@code --json} prints one JSON object with keys {@code task}, {@code n} and
 * {@code accuracy} or {@code rmse}, {@code mae}, {@code r2} (non-finite values as null).
 */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Score a saved model on a labelled CSV file.")
final class EvalCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "MODEL", description = "Model file written by 'featurelab fit'.")
    Path model;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "CSV with the training columns and the target.")
    Path data;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws JsonProcessingException {
        TabularModel m = TabularModel.load(model);
        Outputs.requireReadable(data, "--data");
        Evaluation e = m.evaluate(Table.readCsv(data));
        PrintWriter out = common.out();
        if (json) {
            out.println(Json.mapper().writeValueAsString(toJson(e)));
        } else {
            out.printf(Locale.ROOT, "task      %s%n", e.task().label());
            out.printf(Locale.ROOT, "rows      %d%n", e.n());
            if (e.task() == Task.CLASSIFICATION) {
                out.printf(Locale.ROOT, "accuracy  %.4f%n", e.accuracy());
                out.printf(Locale.ROOT, "balanced  %.4f%n", e.balancedAccuracy());
                out.printf(Locale.ROOT, "log-loss  %.4f%n", e.logLoss());
                if (!Double.isNaN(e.rocAuc())) {
                    out.printf(Locale.ROOT, "roc-auc   %.4f%n", e.rocAuc());
                }
            } else {
                out.printf(Locale.ROOT, "rmse      %s%n", TextTable.general(e.rmse()));
                out.printf(Locale.ROOT, "mae       %s%n", TextTable.general(e.mae()));
                out.printf(Locale.ROOT, "r2        %.4f%n", e.r2());
            }
        }
        out.flush();
        return 0;
    }

    static ObjectNode toJson(Evaluation e) {
        ObjectNode o = Json.object();
        o.put("task", e.task().label());
        o.put("n", e.n());
        if (e.task() == Task.CLASSIFICATION) {
            put(o, "accuracy", e.accuracy());
            put(o, "balanced_accuracy", e.balancedAccuracy());
            put(o, "log_loss", e.logLoss());
            put(o, "roc_auc", e.rocAuc());
        } else {
            put(o, "rmse", e.rmse());
            put(o, "mae", e.mae());
            put(o, "r2", e.r2());
        }
        return o;
    }

    private static void put(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }
}
