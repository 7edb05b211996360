package org.featurelab.experiment.alignment;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.featurelab.diagnostics.CentredAlignment;
import org.featurelab.experiment.ExperimentReport;
import org.featurelab.report.BarChart;
import org.featurelab.report.LineChart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The early-time and SLO sections of the centered-nfa report ({@link CenteredNfaExperiment}). */
final class CenteredNfaSections {
    private CenteredNfaSections() {
    }

    /** Per-layer arrays of a {@link CentredAlignment} list into {@code o}. */
    static void layerArrays(ObjectNode o, List<CentredAlignment.Layer> layers) {
        ArrayNode uc = o.putArray("uc_nfa_layers");
        ArrayNode cn = o.putArray("c_nfa_layers");
        ArrayNode ctl = o.putArray("control_layers");
        ArrayNode moved = o.putArray("relative_change_layers");
        ArrayNode rank = o.putArray("stable_rank_layers");
        for (CentredAlignment.Layer l : layers) {
            uc.add(l.ucNfa());
            cn.add(l.cNfa());
            ctl.add(l.cNfaRandomSpectrum());
            moved.add(l.relativeChange());
            rank.add(l.stableRank());
        }
    }

    static void early(ExperimentReport r, CenteredNfa.Config config, List<EarlyAlignment.Result> early) {
        if (early.isEmpty()) {
            return;
        }
        EarlyAlignment.Config e = config.early();
        ArrayNode out = r.summary().putArray("early");
        Map<String, double[][]> series = new LinkedHashMap<>();
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "Early time (chain task, first %d rows, full-batch "
                + "GD η = %s from the sweep's architecture): predicted C-NFA ρ(BᵀΘB, BᵀΘ²B) from the data, the loss "
                + "gradient and the PTK Θ at W(0), against the C-NFA measured after t steps, hidden layers 0..%d.",
                e.rows(), e.rate(), config.depth() - 2));
        for (EarlyAlignment.Result res : early) {
            ObjectNode o = out.addObject();
            o.put("init_scale", res.initScale());
            putArray(o, "predicted", res.predicted());
            putArray(o, "predicted_labels_only", res.predictedLabelsOnly());
            ArrayNode ms = o.putArray("measured");
            text.append(String.format(Locale.ROOT, " F = %s: predicted %s (labels only %s)", res.initScale(),
                    hidden(res.predicted()), hidden(res.predictedLabelsOnly())));
            double[] x = new double[res.measured().size()];
            double[] y = new double[x.length];
            int k = 0;
            for (EarlyAlignment.Measured m : res.measured()) {
                ObjectNode mo = ms.addObject();
                mo.put("step", m.step());
                putArray(mo, "c_nfa", m.cNfa());
                putArray(mo, "relative_change", m.relativeChange());
                text.append(String.format(Locale.ROOT, "; t = %d: %s", m.step(), hidden(m.cNfa())));
                x[k] = m.step();
                y[k++] = Math.abs(CentredAlignment.hiddenMean(m.cNfa()) - CentredAlignment.hiddenMean(res.predicted()));
            }
            text.append('.');
            series.put("F=" + res.initScale(), new double[][]{x, y});
        }
        r.note(text.toString());
        r.plot("early_c_nfa.png", "Early time: |measured − predicted| C-NFA (hidden mean) against the GD step t",
                LineChart.pngBytesLogY("early C-NFA: |measured − predicted|", "step t", "|Δ C-NFA|", series));
    }

    static void slo(ExperimentReport r, CenteredNfa.Config config, List<SloFeatures.Run> slo) {
        if (slo.isEmpty()) {
            return;
        }
        SloFeatures.Config s = config.slo();
        ArrayNode out = r.summary().putArray("slo");
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "SLO and feature quality: bias-free ReLU MLPs with %d "
                + "weight matrices, width %d, %d epochs, batch %d, standard init; SGD η = %s; SLO η = %s, C₀ = %s, C₁ = C₂ = %s. "
                + "Kernel machines: Laplace L = %s, ridge %s, on all training rows, M scaled to tr M = d.", s.depth(), s.width(),
                s.epochs(), config.batch(), s.sgdRate(), s.sloRate(), s.first(), s.rest(), s.bandwidth(), s.ridge()));
        List<String> labels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (SloFeatures.Run run : slo) {
            ObjectNode o = out.addObject();
            o.put("task", run.task());
            o.put("optimizer", run.optimizer().id());
            o.put("test_error", run.testError());
            o.put("c_nfa_first_layer", run.layers().get(0).cNfa());
            o.put("uc_nfa_first_layer", run.layers().get(0).ucNfa());
            layerArrays(o, run.layers());
            o.put("kernel_nfm_test_error", run.kernelNfmError());
            o.put("kernel_agop_test_error", run.kernelAgopError());
            o.put("kernel_identity_test_error", run.kernelIdentityError());
            text.append(String.format(Locale.ROOT, " %s %s: network test error %.4f; layer 0 C-NFA %.4f, UC-NFA %.4f, "
                    + "‖ΔW‖/‖W‖ %.4f; kernel test error M = NFM %.4f, M = AGOP %.4f, M = I %.4f.", run.task(),
                    run.optimizer().id(), run.testError(), run.layers().get(0).cNfa(), run.layers().get(0).ucNfa(),
                    run.layers().get(0).relativeChange(), run.kernelNfmError(), run.kernelAgopError(),
                    run.kernelIdentityError()));
            labels.add(run.task() + " " + run.optimizer().id() + " net");
            values.add(run.testError());
            labels.add(run.task() + " " + run.optimizer().id() + " NFM");
            values.add(run.kernelNfmError());
            labels.add(run.task() + " " + run.optimizer().id() + " AGOP");
            values.add(run.kernelAgopError());
        }
        r.note(text.toString());
        r.plot("slo_test_errors.png", "SGD vs SLO: test error of the network and of kernel ridge with M = NFM and M = AGOP "
                + "of its first layer", BarChart.pngBytes(labels, values.stream().mapToDouble(Double::doubleValue).toArray(),
                "SGD vs SLO: test errors", "test error"));
    }

    private static void putArray(ObjectNode o, String key, double[] v) {
        ArrayNode a = o.putArray(key);
        for (double x : v) {
            a.add(x);
        }
    }

    /** The hidden-layer values (readout left out), 4 decimals. */
    private static String hidden(double[] v) {
        StringBuilder b = new StringBuilder("[");
        for (int l = 0; l + 1 < v.length; l++) {
            b.append(l == 0 ? "" : ", ").append(CenteredNfaExperiment.fixed(v[l]));
        }
        return b.append(']').toString();
    }
}
