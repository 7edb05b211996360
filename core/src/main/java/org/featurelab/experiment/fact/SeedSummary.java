package org.featurelab.experiment.fact;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.featurelab.base.SampleStatistics;
import org.featurelab.io.Json;
import org.featurelab.training.DiagnosedStep;
import org.featurelab.training.Stationarity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The per-seed and across-seed numbers of {@link FactValidationExperiment}: final per-layer ρ(WᵀW, FACT),
 * ρ(WᵀW, AGOP^½) and stationarity ratio r_ℓ = ‖∂𝓛/∂W_ℓ‖/‖λW_ℓ‖; mean and sample sd (n − 1; 0 for one seed).
 */
final class SeedSummary {
    private SeedSummary() {
    }

    /** One seed: {@code seed}, {@code test_error}, {@code fact_high_step}, {@code stationary_step}, {@code layers}. */
    static ObjectNode of(FactValidation.Result result) {
        ObjectNode o = Json.object();
        DiagnosedStep last = result.run().last();
        o.put("seed", result.config().seed());
        o.put("test_error", result.testError());
        o.put("fact_high_step", factHighStep(result.run().steps()));
        o.put("stationary_step", stationaryStep(result.run().steps()));
        if (last.stationarity() != null) {
            number(o, "ratio", last.stationarity().ratio());
            number(o, "max_layer_ratio", last.stationarity().maxLayerRatio());
        }
        ArrayNode layers = o.putArray("layers");
        for (DiagnosedStep.Layer l : last.layers()) {
            ObjectNode lo = layers.addObject();
            lo.put("index", l.index());
            number(lo, "pearson_fact", l.pearsonFact());
            number(lo, "pearson_nfa", l.pearsonNfa());
            number(lo, "stationarity_ratio", ratio(last, l.index()));
        }
        return o;
    }

    /** Mean and sd over seeds of the final per-layer values, test error and max_ℓ r_ℓ. */
    static ObjectNode across(List<FactValidation.Result> results) {
        ObjectNode o = Json.object();
        o.put("seeds", results.size());
        put(o, "test_error", values(results, r -> r.testError()));
        put(o, "max_layer_ratio", values(results, r -> r.run().last().stationarity() == null ? Double.NaN
                : r.run().last().stationarity().maxLayerRatio()));
        ArrayNode layers = o.putArray("layers");
        int depth = results.get(0).run().last().layers().size();
        for (int l = 0; l < depth; l++) {
            int layer = l;
            ObjectNode lo = layers.addObject();
            lo.put("index", l);
            put(lo, "pearson_fact", values(results, r -> r.run().last().layers().get(layer).pearsonFact()));
            put(lo, "pearson_nfa", values(results, r -> r.run().last().layers().get(layer).pearsonNfa()));
            put(lo, "stationarity_ratio", values(results, r -> ratio(r.run().last(), layer)));
        }
        return o;
    }

    /** The report table: per layer, mean ± sd over seeds (the single value for one seed) of the final numbers. */
    static List<List<String>> rows(List<FactValidation.Result> results) {
        List<List<String>> rows = new ArrayList<>();
        int depth = results.get(0).run().last().layers().size();
        for (int l = 0; l < depth; l++) {
            int layer = l;
            rows.add(List.of(Integer.toString(l),
                    pm(values(results, r -> r.run().last().layers().get(layer).pearsonFact())),
                    pm(values(results, r -> r.run().last().layers().get(layer).pearsonNfa())),
                    pm(values(results, r -> ratio(r.run().last(), layer))),
                    pm(values(results, r -> r.run().last().layers().get(layer).cosineFact())),
                    pm(values(results, r -> r.run().last().layers().get(layer).cosineNfa())),
                    pm(values(results, r -> r.run().last().layers().get(layer).bestAlpha())),
                    pm(values(results, r -> r.run().last().layers().get(layer).factRelativeError()))));
        }
        return rows;
    }

    /** First diagnosed step with ρ(WᵀW, FACT) ≥ {@link FactValidationExperiment#HIGH} on every layer, or −1. */
    static int factHighStep(List<DiagnosedStep> steps) {
        for (DiagnosedStep d : steps) {
            if (d.layers().stream().allMatch(l -> l.pearsonFact() >= FactValidationExperiment.HIGH)) {
                return d.step();
            }
        }
        return -1;
    }

    /** First diagnosed step with max_ℓ r_ℓ ≤ {@link Stationarity#NEAR}, or −1. */
    static int stationaryStep(List<DiagnosedStep> steps) {
        for (DiagnosedStep d : steps) {
            if (d.stationarity() != null && d.stationarity().nearStationary()) {
                return d.step();
            }
        }
        return -1;
    }

    private static double ratio(DiagnosedStep d, int layer) {
        return d.stationarity() == null ? Double.NaN : d.stationarity().layerRatio(layer);
    }

    private static double[] values(List<FactValidation.Result> results, ToDoubleFunction<FactValidation.Result> f) {
        return results.stream().mapToDouble(f).toArray();
    }

    private static void put(ObjectNode o, String key, double[] v) {
        number(o, key + "_mean", SampleStatistics.mean(v));
        number(o, key + "_sd", SampleStatistics.sampleSd(v));
    }

    private static String pm(double[] v) {
        return v.length == 1 ? String.format(Locale.ROOT, "%.4g", v[0])
                : String.format(Locale.ROOT, "%.4g ± %.2g", SampleStatistics.mean(v), SampleStatistics.sampleSd(v));
    }

    private static void number(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }
}
