package org.featurelab.experiment.alignment;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.featurelab.base.SampleStatistics;
import org.featurelab.diagnostics.CentredAlignment;
import org.featurelab.experiment.ExperimentReport;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The across-seed part of the centered-nfa report ({@link CenteredNfaExperiment}): for every (task, init scale,
 * optimiser) of the sweep, and every (task, optimiser) of the SLO part, the mean (1/S)Σvₛ and the sample sd
 * √(Σ(vₛ − mean)²/(S − 1)) (0 for one seed; {@link SampleStatistics}) over the S seeds of the hidden-layer means of
 * UC-NFA, C-NFA, the random-spectrum control and the test error, and of the per-layer values. summary.json
 * {@code seeds}: per seed its seed and those values; {@code across_seeds}: {@code runs} and {@code slo} with
 * {@code KEY_mean}/{@code KEY_sd} (arrays {@code KEY_layers_mean}/{@code KEY_layers_sd}, readout last).
 */
final class CenteredNfaSeeds {
    private CenteredNfaSeeds() {
    }

    /**
     * Adds {@code seeds}, {@code across_seeds} and a mean ± sd table. {@code sweeps.get(s)} and {@code slos.get(s)} are
     * the runs of seed {@code seeds[s]}, in the same (task, optimiser, scale) order for every seed.
     */
    static void add(ExperimentReport r, long[] seeds, List<List<CenteredNfa.Run>> sweeps, List<List<SloFeatures.Run>> slos) {
        ArrayNode per = r.summary().putArray("seeds");
        for (int s = 0; s < seeds.length; s++) {
            ObjectNode o = per.addObject();
            o.put("seed", seeds[s]);
            ArrayNode runs = o.putArray("runs");
            for (CenteredNfa.Run run : sweeps.get(s)) {
                ObjectNode ro = runs.addObject();
                ro.put("task", run.task());
                ro.put("init_scale", run.initScale());
                ro.put("optimizer", run.optimizer().id());
                ro.put("uc_nfa", run.meanUcNfa());
                ro.put("c_nfa", run.meanCNfa());
                ro.put("control", run.meanControl());
                ro.put("test_error", run.testError());
                CenteredNfaSections.layerArrays(ro, run.layers());
            }
            ArrayNode slo = o.putArray("slo");
            for (SloFeatures.Run run : slos.get(s)) {
                ObjectNode so = slo.addObject();
                so.put("task", run.task());
                so.put("optimizer", run.optimizer().id());
                so.put("test_error", run.testError());
                so.put("kernel_nfm_test_error", run.kernelNfmError());
                so.put("kernel_agop_test_error", run.kernelAgopError());
            }
        }
        ObjectNode across = r.summary().putObject("across_seeds");
        across.put("seeds", seeds.length);
        ArrayNode runs = across.putArray("runs");
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < sweeps.get(0).size(); i++) {
            int k = i;
            CenteredNfa.Run first = sweeps.get(0).get(i);
            List<CenteredNfa.Run> same = sweeps.stream().map(l -> l.get(k)).toList();
            ObjectNode o = runs.addObject();
            o.put("task", first.task());
            o.put("init_scale", first.initScale());
            o.put("optimizer", first.optimizer().id());
            double[] uc = put(o, "uc_nfa", values(same, CenteredNfa.Run::meanUcNfa));
            double[] cn = put(o, "c_nfa", values(same, CenteredNfa.Run::meanCNfa));
            double[] ctl = put(o, "control", values(same, CenteredNfa.Run::meanControl));
            double[] err = put(o, "test_error", values(same, CenteredNfa.Run::testError));
            layers(o, "uc_nfa_layers", same, CentredAlignment.Layer::ucNfa);
            layers(o, "c_nfa_layers", same, CentredAlignment.Layer::cNfa);
            layers(o, "control_layers", same, CentredAlignment.Layer::cNfaRandomSpectrum);
            layers(o, "relative_change_layers", same, CentredAlignment.Layer::relativeChange);
            rows.add(List.of(first.task(), Double.toString(first.initScale()), first.optimizer().id(), pm(uc), pm(cn), pm(ctl),
                    pm(err)));
        }
        ArrayNode slo = across.putArray("slo");
        for (int i = 0; i < slos.get(0).size(); i++) {
            int k = i;
            SloFeatures.Run first = slos.get(0).get(i);
            List<SloFeatures.Run> same = slos.stream().map(l -> l.get(k)).toList();
            ObjectNode o = slo.addObject();
            o.put("task", first.task());
            o.put("optimizer", first.optimizer().id());
            put(o, "test_error", values(same, SloFeatures.Run::testError));
            put(o, "kernel_nfm_test_error", values(same, SloFeatures.Run::kernelNfmError));
            put(o, "kernel_agop_test_error", values(same, SloFeatures.Run::kernelAgopError));
            put(o, "c_nfa_first_layer", values(same, x -> x.layers().get(0).cNfa()));
            put(o, "uc_nfa_first_layer", values(same, x -> x.layers().get(0).ucNfa()));
        }
        r.table(List.of("task", "init scale F", "optimizer", "UC-NFA (hidden mean), mean ± sd over " + seeds.length
                + " seeds", "C-NFA (hidden mean)", "control K' (hidden mean)", "test error"), rows);
    }

    private static <T> double[] values(List<T> runs, ToDoubleFunction<T> f) {
        return runs.stream().mapToDouble(f).toArray();
    }

    private static double[] put(ObjectNode o, String key, double[] v) {
        o.put(key + "_mean", SampleStatistics.mean(v));
        o.put(key + "_sd", SampleStatistics.sampleSd(v));
        return v;
    }

    private static void layers(ObjectNode o, String key, List<CenteredNfa.Run> same,
                               ToDoubleFunction<CentredAlignment.Layer> f) {
        ArrayNode mean = o.putArray(key + "_mean");
        ArrayNode sd = o.putArray(key + "_sd");
        int depth = same.get(0).layers().size();
        for (int l = 0; l < depth; l++) {
            int layer = l;
            double[] v = values(same, x -> f.applyAsDouble(x.layers().get(layer)));
            mean.add(SampleStatistics.mean(v));
            sd.add(SampleStatistics.sampleSd(v));
        }
    }

    /** "mean ± sd" (4 and 2 significant digits). */
    static String pm(double[] v) {
        return String.format(Locale.ROOT, "%.4g ± %.2g", SampleStatistics.mean(v), SampleStatistics.sampleSd(v));
    }
}
