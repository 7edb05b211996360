package org.featurelab.training;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.featurelab.io.AtomicFiles;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Sink: one CSV row per diagnosed step, columns {@code step,train_loss,data_loss,grad_norm} then, per layer ℓ,
 * {@code layerℓ_<name>} for every name of {@link DiagnosedStep#LAYER_COLUMNS}. Numbers in Java's shortest
 * round-trip form; undefined values are {@code NaN}. Written atomically.
 */
public final class MetricsCsv {
    /** File name inside the run directory. */
    public static final String FILE = "metrics.csv";

    private MetricsCsv() {
    }

    /** The header for a network of {@code depth} layers. */
    public static List<String> header(int depth) {
        List<String> h = new ArrayList<>(List.of("step", "train_loss", "data_loss", "grad_norm"));
        for (int l = 0; l < depth; l++) {
            for (String c : DiagnosedStep.LAYER_COLUMNS) {
                h.add("layer" + l + "_" + c);
            }
        }
        return h;
    }

    /** Writes {@code steps} (all of the same depth) to {@code file}. */
    public static void write(Path file, List<DiagnosedStep> steps) {
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("metrics.csv: no diagnosed steps");
        }
        int depth = steps.get(0).layers().size();
        AtomicFiles.write(file, temp -> {
            try (BufferedWriter w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
                 CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build())) {
                csv.printRecord(header(depth));
                List<String> row = new ArrayList<>();
                for (DiagnosedStep s : steps) {
                    row.clear();
                    row.add(Integer.toString(s.step()));
                    row.add(Double.toString(s.trainLoss()));
                    row.add(Double.toString(s.dataLoss()));
                    row.add(Double.toString(s.gradNorm()));
                    for (DiagnosedStep.Layer l : s.layers()) {
                        for (double v : DiagnosedStep.values(l)) {
                            row.add(Double.toString(v));
                        }
                    }
                    csv.printRecord(row);
                }
            }
        });
    }
}
