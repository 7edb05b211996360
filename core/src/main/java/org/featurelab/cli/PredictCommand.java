package org.featurelab.cli;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.featurelab.base.Task;
import org.featurelab.io.AtomicFiles;
import org.featurelab.table.Table;
import org.featurelab.tabular.Predictions;
import org.featurelab.tabular.TabularModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code featurelab predict}: predictions for every row of a CSV, in the same order, written as CSV with
 * column {@code prediction} and, for classification, {@code score_<class>} and {@code prob_<class>} per class.
 */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Predict every row of a CSV file with a saved model.")
final class PredictCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "MODEL", description = "Model file written by 'featurelab fit'.")
    Path model;

    @Option(names = "--data", required = true, paramLabel = "FILE",
            description = "CSV with the training columns (extra columns, the target included, are ignored).")
    Path data;

    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "CSV to write: prediction, then score_<class> and prob_<class> per class (classification).")
    Path out;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        org.featurelab.kernel.KernelMaps.warmUpInBackground(); // compiles the SIMD maps while model and CSV are read
        Outputs.requireWritable(out, "--out");
        TabularModel m = TabularModel.load(model);
        Outputs.requireReadable(data, "--data");
        Predictions p = m.predict(Table.readCsv(data));
        AtomicFiles.write(out, temp -> writeCsv(p, temp));
        if (!common.quiet) {
            common.out().printf("wrote %d predictions to %s%n", p.size(), out);
        }
        return 0;
    }

    /**
     * Header {@code prediction[,score_<class>...,prob_<class>...]}, one row per input row: the raw scores f(x) and the
     * class probabilities ({@link Predictions#probabilities}).
     */
    static void writeCsv(Predictions p, Path file) throws IOException {
        boolean classification = p.task() == Task.CLASSIFICATION;
        List<String> header = new ArrayList<>();
        header.add("prediction");
        if (classification) {
            p.scoreNames().forEach(name -> header.add("score_" + name));
            p.scoreNames().forEach(name -> header.add("prob_" + name));
        }
        org.featurelab.linalg.Matrix scores = p.scores();
        org.featurelab.linalg.Matrix probabilities = classification ? p.probabilities() : null;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build())) {
            csv.printRecord(header);
            List<String> row = new ArrayList<>(header.size());
            for (int i = 0; i < p.size(); i++) {
                row.clear();
                row.add(p.labels().get(i));
                if (classification) {
                    for (int k = 0; k < p.scoreNames().size(); k++) {
                        row.add(Double.toString(scores.get(i, k)));
                    }
                    for (int k = 0; k < p.scoreNames().size(); k++) {
                        row.add(Double.toString(probabilities.get(i, k)));
                    }
                }
                csv.printRecord(row);
            }
        }
    }
}
