package org.featurelab.experiment.alignment;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.featurelab.base.Progress;
import org.featurelab.experiment.ExperimentReport;
import org.featurelab.experiment.NetworkData;
import org.featurelab.nn.OptimizerKind;
import org.featurelab.report.BarChart;
import org.featurelab.report.LineChart;
import org.featurelab.training.DiagnosedStep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code featurelab experiment centered-nfa}: runs {@link CenteredNfa}. summary.json {@code runs}: one object per
 * (task, init scale, optimiser) with {@code task}, {@code init_scale}, {@code optimizer}, {@code uc_nfa} and
 * {@code c_nfa} — the <b>mean over all layers</b> of UC-NFA_ℓ = ρ(W_ℓᵀW_ℓ, W_ℓᵀK_ℓW_ℓ) and
 * C-NFA_ℓ = ρ(ΔW_ℓᵀΔW_ℓ, ΔW_ℓᵀK_ℓΔW_ℓ) at the last step — plus {@code uc_nfa_first_layer},
 * {@code c_nfa_first_layer}, {@code c_nfa_layers} and {@code test_error} (relative test MSE on the chain monomial,
 * misclassification rate on a classification table). Plots per task: C-NFA and UC-NFA over training per init scale
 * (SGD), SGD versus SLO over training, and final C-NFA as bars.
 */
public final class CenteredNfaExperiment {
    /** The claim reproduced. */
    public static final String CLAIM = "Claim (Beaglehole et al.): in deep MLPs the centered NFA (C-NFA, computed from "
            + "ΔW = W − W(0)) tracks feature learning better than the uncentered one, and is higher the smaller the "
            + "initialisation scale; speed-limited optimisation (SLO), which moves a chosen layer faster, raises the "
            + "correlation at that layer.";

    private CenteredNfaExperiment() {
    }

    /** Trains every run and builds the report. */
    public static ExperimentReport run(CenteredNfa.Config config, Progress progress) {
        return report(config, CenteredNfa.run(config, progress));
    }

    static ExperimentReport report(CenteredNfa.Config config, List<CenteredNfa.Run> runs) {
        ExperimentReport r = new ExperimentReport("centered-nfa", CLAIM);
        ObjectNode c = r.config();
        c.put("data", config.realData() ? (config.data() == null ? "bundled " + NetworkData.BUNDLED + ".csv"
                : config.data().toString()) : "none");
        c.put("chain_d", config.d());
        c.put("chain_r", config.r());
        c.put("chain_train_rows", config.trainSize());
        c.put("depth", config.depth());
        c.put("width", config.width());
        c.put("batch", config.batch());
        c.put("epochs", config.epochs());
        c.put("sgd_lr", config.sgdRate());
        c.put("slo_lr", config.sloRate());
        c.put("slo_first_speed", config.sloFirst());
        c.put("slo_other_speed", config.sloRest());
        ArrayNode scales = c.putArray("init_scales");
        config.initScales().forEach(scales::add);
        c.put("seed", config.seed());
        ArrayNode out = r.summary().putArray("runs");
        List<List<String>> rows = new ArrayList<>();
        for (CenteredNfa.Run run : runs) {
            ObjectNode o = out.addObject();
            o.put("task", run.task());
            o.put("init_scale", run.initScale());
            o.put("optimizer", run.optimizer().id());
            o.put("uc_nfa", run.meanUcNfa());
            o.put("c_nfa", run.meanCNfa());
            o.put("uc_nfa_first_layer", run.first().ucNfa());
            o.put("c_nfa_first_layer", run.first().cNfa());
            ArrayNode layers = o.putArray("c_nfa_layers");
            run.run().last().layers().forEach(l -> layers.add(l.cNfa()));
            o.put("test_error", run.testError());
            o.put("final_train_loss", run.run().last().trainLoss());
            rows.add(List.of(run.task(), Double.toString(run.initScale()), run.optimizer().id(), fixed(run.meanUcNfa()),
                    fixed(run.meanCNfa()), fixed(run.first().ucNfa()), fixed(run.first().cNfa()), fixed(run.testError())));
            for (DiagnosedStep s : run.run().steps()) {
                r.metric(run.label(), s.step(), "uc_nfa", CenteredNfa.Run.mean(s, false));
                r.metric(run.label(), s.step(), "c_nfa", CenteredNfa.Run.mean(s, true));
                r.metric(run.label(), s.step(), "c_nfa_first_layer", s.layers().get(0).cNfa());
                r.metric(run.label(), s.step(), "train_loss", s.trainLoss());
            }
        }
        r.table(List.of("task", "init scale F", "optimizer", "UC-NFA (mean)", "C-NFA (mean)", "UC-NFA layer 0",
                "C-NFA layer 0", "test error"), rows);
        r.note(String.format(Locale.ROOT, "ReLU MLPs without biases, %d weight matrices, width %d, MSE, no weight decay, batch "
                        + "%d, %d epochs, He initialisation times F. SGD: η = %s, no momentum. SLO: W_ℓ ← W_ℓ − η C_ℓ ∇_ℓ/‖∇_ℓ‖, "
                        + "η = %s, C₀ = %s, C_ℓ = %s for ℓ ≥ 1. Tasks: chain = f*(x) = Σ_{i=1}^{%d} xᵢxᵢ₊₁, x ~ N(0, I_%d), "
                        + "%d training rows (test error = relative MSE); real = %s (80/20 split, test error = misclassification "
                        + "rate). uc_nfa / c_nfa in summary.json are means over all layers at the last step; the first layer is "
                        + "reported beside them. Diagnostics on ≤ 1000 training rows.", config.depth(), config.width(),
                config.batch(), config.epochs(), config.sgdRate(), config.sloRate(), config.sloFirst(), config.sloRest(),
                config.r(), config.d(), config.trainSize(), c.get("data").asText()));
        List<String> tasks = runs.stream().map(CenteredNfa.Run::task).distinct().toList();
        for (String task : tasks) {
            List<CenteredNfa.Run> sgd = runs.stream().filter(x -> x.task().equals(task) && x.optimizer() == OptimizerKind.SGD).toList();
            List<CenteredNfa.Run> slo = runs.stream().filter(x -> x.task().equals(task) && x.optimizer() == OptimizerKind.SLO).toList();
            List<CenteredNfa.Run> base = sgd.isEmpty() ? slo : sgd;
            String opt = sgd.isEmpty() ? "SLO" : "SGD";
            r.plot(task + "_c_nfa.png", task + ": C-NFA (mean over layers) over training per init scale (" + opt + ")",
                    LineChart.pngBytes(task + ": C-NFA per init scale (" + opt + ")", "step", "C-NFA", series(base, true, false)));
            r.plot(task + "_uc_nfa.png", task + ": UC-NFA (mean over layers) over training per init scale (" + opt + ")",
                    LineChart.pngBytes(task + ": UC-NFA per init scale (" + opt + ")", "step", "UC-NFA", series(base, false, false)));
            if (!sgd.isEmpty() && !slo.isEmpty()) {
                List<CenteredNfa.Run> both = new ArrayList<>(sgd);
                both.addAll(slo);
                r.plot(task + "_sgd_vs_slo.png", task + ": C-NFA of the first layer over training, SGD versus SLO",
                        LineChart.pngBytes(task + ": first-layer C-NFA, SGD vs SLO", "step", "C-NFA layer 0",
                                series(both, true, true)));
            }
            List<CenteredNfa.Run> all = runs.stream().filter(x -> x.task().equals(task)).toList();
            r.plot(task + "_final_c_nfa.png", task + ": final C-NFA (mean over layers) per init scale and optimiser",
                    BarChart.pngBytes(all.stream().map(x -> "F=" + x.initScale() + " " + x.optimizer().id()).toList(),
                            all.stream().mapToDouble(CenteredNfa.Run::meanCNfa).toArray(), task + ": final C-NFA", "C-NFA"));
        }
        return r;
    }

    private static Map<String, double[][]> series(List<CenteredNfa.Run> runs, boolean centred, boolean firstLayer) {
        Map<String, double[][]> m = new LinkedHashMap<>();
        for (CenteredNfa.Run run : runs) {
            List<DiagnosedStep> steps = run.run().steps();
            double[] x = new double[steps.size()];
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                DiagnosedStep s = steps.get(i);
                x[i] = s.step();
                y[i] = firstLayer ? (centred ? s.layers().get(0).cNfa() : s.layers().get(0).ucNfa())
                        : CenteredNfa.Run.mean(s, centred);
            }
            // C-NFA is undefined at step 0 (ΔW = 0): drop non-finite points
            int k = 0;
            for (int i = 0; i < x.length; i++) {
                if (Double.isFinite(y[i])) {
                    x[k] = x[i];
                    y[k++] = y[i];
                }
            }
            m.put("F=" + run.initScale() + (firstLayer ? " " + run.optimizer().id() : ""),
                    new double[][]{java.util.Arrays.copyOf(x, k), java.util.Arrays.copyOf(y, k)});
        }
        return m;
    }

    private static String fixed(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
