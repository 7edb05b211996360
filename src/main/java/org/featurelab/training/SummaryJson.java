package org.featurelab.training;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.featurelab.io.Json;

/**
 * The headline numbers of a training run — summary.json's {@code summary} object in a run directory (written by
 * {@code org.featurelab.report.RunOutput}, which adds {@code kind}, {@code name}, {@code seed}, {@code config} and
 * {@code seconds} around it): the values of the last diagnosed step — {@code step}, {@code train_loss},
 * {@code data_loss}, {@code grad_norm}, {@code layers} (objects with {@code index}, {@code pearson_fact},
 * {@code cosine_fact}, {@code pearson_nfa} (α = ½), {@code cosine_nfa}, {@code best_alpha}, {@code uc_nfa},
 * {@code c_nfa}, {@code fact_rel_error}, {@code balancedness}; undefined values are {@code null}) — plus
 * {@code total_steps} and {@code diagnostic_rows}.
 */
public final class SummaryJson {
    /** File name inside the run directory. */
    public static final String FILE = "summary.json";

    private SummaryJson() {
    }

    /** The summary object. */
    public static ObjectNode of(TrainingRun run) {
        DiagnosedStep last = run.last();
        ObjectNode o = Json.object();
        o.put("step", last.step());
        number(o, "train_loss", last.trainLoss());
        number(o, "data_loss", last.dataLoss());
        number(o, "grad_norm", last.gradNorm());
        ArrayNode layers = o.putArray("layers");
        for (DiagnosedStep.Layer l : last.layers()) {
            ObjectNode lo = layers.addObject();
            lo.put("index", l.index());
            double[] v = DiagnosedStep.values(l);
            for (int k = 0; k < v.length; k++) {
                number(lo, DiagnosedStep.LAYER_COLUMNS.get(k), v[k]);
            }
        }
        o.put("total_steps", run.totalSteps());
        o.put("diagnostic_rows", run.sampleRows());
        return o;
    }

    private static void number(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }
}
