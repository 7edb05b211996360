package org.featurelab.training;

import java.util.List;

/**
 * The rows a training run contributes to a run directory's tidy {@code metrics.csv} ({@code run,step,metric,value},
 * written by {@code org.featurelab.report.RunOutput}). Per diagnosed step, in this order: run {@value #TRAIN_RUN}
 * with metrics {@code train_loss} (𝓛), {@code data_loss} and {@code grad_norm} (‖∇𝓛‖); then per layer ℓ run
 * {@code layerℓ} with every name of {@link DiagnosedStep#LAYER_COLUMNS}. Undefined values stay NaN. Shared by
 * {@code featurelab train} and {@code experiment fact-validation}, so both files read the same way.
 */
public final class MetricsCsv {
    /** File name inside the run directory. */
    public static final String FILE = "metrics.csv";
    /** The run of the whole-network metrics. */
    public static final String TRAIN_RUN = "train";

    /** Receives one tidy row. */
    @FunctionalInterface
    public interface Row {
        void accept(String run, double step, String metric, double value);
    }

    private MetricsCsv() {
    }

    /** The run name of layer {@code index}: {@code layer<index>}. */
    public static String layerRun(int index) {
        return "layer" + index;
    }

    /** Hands every row of {@code steps} to {@code sink}, in the order described on the class. */
    public static void rows(List<DiagnosedStep> steps, Row sink) {
        for (DiagnosedStep d : steps) {
            sink.accept(TRAIN_RUN, d.step(), "train_loss", d.trainLoss());
            sink.accept(TRAIN_RUN, d.step(), "data_loss", d.dataLoss());
            sink.accept(TRAIN_RUN, d.step(), "grad_norm", d.gradNorm());
            for (DiagnosedStep.Layer l : d.layers()) {
                double[] v = DiagnosedStep.values(l);
                for (int k = 0; k < v.length; k++) {
                    sink.accept(layerRun(l.index()), d.step(), DiagnosedStep.LAYER_COLUMNS.get(k), v[k]);
                }
            }
        }
    }
}
