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
 * {@code total_steps} and {@code diagnostic_rows}; and, when the step carries one, {@code stationarity}
 * ({@link Stationarity}): {@code grad_norm} ‖∇𝓛‖, {@code decay_norm} ‖λθ‖, {@code ratio}, {@code max_layer_ratio},
 * {@code near_stationary} (max_ℓ ‖∂𝓛/∂W_ℓ‖/‖λW_ℓ‖ ≤ {@value Stationarity#NEAR}), {@code layers} (objects with
 * {@code index}, {@code grad_norm}, {@code decay_norm}, {@code ratio}) and {@code note}, a sentence saying whether
 * the run is near a stationary point, where alone FACT is claimed.
 */
public final class SummaryJson {
    /** File name inside the run directory. */
    public static final String FILE = "summary.json";

    private SummaryJson() {
    }

    /** The summary object. */
    public static ObjectNode of(TrainingRun run) {
        ObjectNode o = of(run.last());
        o.put("total_steps", run.totalSteps());
        o.put("diagnostic_rows", run.sampleRows());
        if (run.last().stationarity() != null) {
            o.set("stationarity", stationarity(run.last().stationarity()));
        }
        return o;
    }

    /** The step's part of the summary: step, losses, gradient norm and the per-layer values (diagnose has no run). */
    public static ObjectNode of(DiagnosedStep last) {
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
        return o;
    }

    /** The {@code stationarity} object described on the class. */
    public static ObjectNode stationarity(Stationarity st) {
        ObjectNode s = Json.object();
        number(s, "grad_norm", st.gradNorm());
        number(s, "decay_norm", st.decayNorm());
        number(s, "ratio", st.ratio());
        number(s, "max_layer_ratio", st.maxLayerRatio());
        s.put("near_stationary", st.nearStationary());
        s.put("threshold", Stationarity.NEAR);
        ArrayNode layers = s.putArray("layers");
        double[] g = st.layerGradNorms();
        double[] d = st.layerDecayNorms();
        for (int l = 0; l < g.length; l++) {
            ObjectNode lo = layers.addObject();
            lo.put("index", l);
            number(lo, "grad_norm", g[l]);
            number(lo, "decay_norm", d[l]);
            number(lo, "ratio", st.layerRatio(l));
        }
        s.put("note", st.note());
        return s;
    }

    private static void number(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }
}
