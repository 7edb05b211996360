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
 * {@code featurelab experiment centered-nfa}: runs {@link CenteredNfa}, {@link EarlyAlignment} and {@link SloFeatures}.
 * summary.json {@code runs}: one object per (task, init scale, optimiser) of the sweep with {@code uc_nfa},
 * {@code c_nfa} and {@code control} — means over the <b>hidden</b> layers (the readout, where both are 1 by
 * construction, left out) of the final UC-NFA_ℓ = ρ(W_ℓᵀW_ℓ, W_ℓᵀK_ℓW_ℓ), C-NFA_ℓ = ρ(ΔW_ℓᵀΔW_ℓ, ΔW_ℓᵀK_ℓΔW_ℓ) and the
 * random-spectrum control ρ(ΔWᵀΔW, ΔWᵀK'ΔW) — and per layer {@code uc_nfa_layers}, {@code c_nfa_layers},
 * {@code control_layers}, {@code relative_change_layers} (‖ΔW‖_F/‖W‖_F), {@code readout_c_nfa}, {@code test_error}.
 * {@code early}: per init scale the predicted and measured per-layer C-NFA; {@code slo}: per task and optimiser the
 * test error, first-layer values and the kernel machines' test errors; {@code seeds} and {@code across_seeds}: with
 * {@code config.seeds()} seeds, the per-seed values and their mean ± sample sd ({@link CenteredNfaSeeds}; the other
 * keys and the plots are the first seed's). Plots per task: hidden-mean C-NFA and UC-NFA
 * over training per init scale, final C-NFA against the control as bars; the early-time prediction against the
 * measurement; SLO kernel-machine errors.
 */
public final class CenteredNfaExperiment {
    /** The claim reproduced. */
    public static final String CLAIM = "Claim (Beaglehole et al.): in deep MLPs the centered NFA (C-NFA, computed from "
            + "ΔW = W − W(0)) is high and, with a small initialisation, ΔW dominates W so that the uncentred NFA rises "
            + "towards it; the alignment is with the PTK itself (a random-spectrum control is far lower); early in "
            + "training the C-NFA is predicted by data, labels and the PTK at initialisation; speed-limited optimisation "
            + "(SLO, C₀ = 500 on the first layer, C₁ = C₂ = 0.002) gives better first-layer features.";

    private CenteredNfaExperiment() {
    }

    /**
     * Trains every run for seeds seed … seed + seeds − 1 (sweep and SLO; the tasks loaded once per seed), the early-time
     * part for the first seed (chain task only), and builds the report: the first seed's runs in full, then
     * {@link CenteredNfaSeeds} (mean ± sd over the seeds).
     */
    public static ExperimentReport run(CenteredNfa.Config config, Progress progress) {
        long[] seeds = new long[config.seeds()];
        List<List<CenteredNfa.Run>> sweeps = new ArrayList<>();
        List<List<SloFeatures.Run>> slos = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (int k = 0; k < seeds.length; k++) {
            seeds[k] = config.seed() + k;
            CenteredNfa.Config c = config.withSeed(seeds[k]);
            List<CenteredNfa.Task> tasks = CenteredNfa.tasks(c);
            if (k == 0) {
                tasks.forEach(t -> sources.add(t.name() + ": " + t.data().source() + ", " + t.data().train().size()
                        + " training and " + t.data().test().size() + " test rows"));
            }
            progress.message("centered-nfa seed " + seeds[k] + " (" + (k + 1) + " of " + seeds.length + ")");
            sweeps.add(CenteredNfa.run(c, tasks, progress));
            List<SloFeatures.Run> slo = config.slo() == null ? List.of() : SloFeatures.run(c, config.slo(), tasks);
            for (SloFeatures.Run s : slo) {
                progress.message(String.format(Locale.ROOT, "centered-nfa slo %s %s seed %d: test error %.3f, kernel M=NFM "
                        + "%.3f, M=AGOP %.3f, M=I %.3f", s.task(), s.optimizer().id(), seeds[k], s.testError(),
                        s.kernelNfmError(), s.kernelAgopError(), s.kernelIdentityError()));
            }
            slos.add(slo);
        }
        List<EarlyAlignment.Result> early = config.early() == null || !config.chain() ? List.of()
                : EarlyAlignment.run(config, config.early());
        for (EarlyAlignment.Result e : early) {
            progress.message(String.format(Locale.ROOT, "centered-nfa early F=%s: predicted C-NFA layer 0 %.4f, measured "
                    + "after %d steps %.4f", e.initScale(), e.predicted()[0], e.measured().get(0).step(),
                    e.measured().get(0).cNfa()[0]));
        }
        ExperimentReport r = report(config, sweeps.get(0), early, slos.get(0));
        ArrayNode src = r.config().putArray("data_sources");
        sources.forEach(src::add);
        CenteredNfaSeeds.add(r, seeds, sweeps, slos);
        return r;
    }

    static ExperimentReport report(CenteredNfa.Config config, List<CenteredNfa.Run> runs, List<EarlyAlignment.Result> early,
                                   List<SloFeatures.Run> slo) {
        ExperimentReport r = new ExperimentReport("centered-nfa", CLAIM);
        ObjectNode c = r.config();
        c.put("data", config.realData() ? (config.data() == null ? "bundled " + NetworkData.BUNDLED + ".csv"
                : config.data().toString() + (config.idx() ? " (IDX directory, pixels standardised on the training rows)"
                : "")) : "none");
        c.put("chain", config.chain());
        c.put("real_train_rows", config.realTrainSize());
        c.put("real_test_rows_idx", config.realTestSize());
        c.put("seeds", config.seeds());
        c.put("chain_d", config.d());
        c.put("chain_r", config.r());
        c.put("chain_train_rows", config.trainSize());
        c.put("depth", config.depth());
        c.put("width", config.width());
        c.put("batch", config.batch());
        c.put("diagnoses", config.diagnoses());
        c.put("diagnostic_rows", config.diagnosticRows());
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
            o.put("control", run.meanControl());
            o.put("uc_nfa_first_layer", run.first().ucNfa());
            o.put("c_nfa_first_layer", run.first().cNfa());
            o.put("readout_c_nfa", run.readout().cNfa());
            o.put("readout_uc_nfa", run.readout().ucNfa());
            CenteredNfaSections.layerArrays(o, run.layers());
            o.put("test_error", run.testError());
            o.put("final_train_loss", run.run().last().trainLoss());
            rows.add(List.of(run.task(), Double.toString(run.initScale()), run.optimizer().id(), fixed(run.meanUcNfa()),
                    fixed(run.meanCNfa()), fixed(run.meanControl()), fixed(run.first().cNfa()),
                    fixed(run.first().relativeChange()), fixed(run.readout().cNfa()), fixed(run.testError())));
            for (DiagnosedStep s : run.run().steps()) {
                r.metric(run.label(), s.step(), "uc_nfa", CenteredNfa.Run.mean(s, false));
                r.metric(run.label(), s.step(), "c_nfa", CenteredNfa.Run.mean(s, true));
                r.metric(run.label(), s.step(), "c_nfa_first_layer", s.layers().get(0).cNfa());
                r.metric(run.label(), s.step(), "train_loss", s.trainLoss());
            }
        }
        r.table(List.of("task", "init scale F", "optimizer", "UC-NFA (hidden mean)", "C-NFA (hidden mean)",
                "control K' (hidden mean)", "C-NFA layer 0", "‖ΔW‖/‖W‖ layer 0", "C-NFA readout", "test error"), rows);
        r.note(String.format(Locale.ROOT, "Sweep: ReLU MLPs without biases, %d weight matrices, width %d, MSE, no weight decay, "
                        + "batch %d, %d epochs, He initialisation times F, SGD η = %s without momentum (SLO, when in the sweep: "
                        + "η = %s, C₀ = %s, C_ℓ = %s). Tasks: chain = f*(x) = Σ_{i=1}^{%d} xᵢxᵢ₊₁, x ~ N(0, I_%d), %d training "
                        + "rows (test error = relative MSE); real = %s (%s, test error = misclassification rate). "
                        + "Means are over the hidden layers only: the last weight matrix is a linear readout, where K = n·I and "
                        + "UC-NFA = C-NFA = 1 by construction (its column shows it). Final values over all training rows; the "
                        + "curves over training on ≤ %d rows. control: K replaced by QΛQᵀ, Q Haar-random.", config.depth(),
                config.width(), config.batch(), config.epochs(), config.sgdRate(), config.sloRate(), config.sloFirst(),
                config.sloRest(), config.r(), config.d(), config.trainSize(), c.get("data").asText(), config.idx()
                        ? config.realTrainSize() + " training rows, " + config.realTestSize() + " test rows (t10k files when present)"
                        : "80/20 split, training rows capped at " + config.realTrainSize(), config.diagnosticRows()));
        List<String> tasks = runs.stream().map(CenteredNfa.Run::task).distinct().toList();
        for (String task : tasks) {
            List<CenteredNfa.Run> sgd = runs.stream().filter(x -> x.task().equals(task) && x.optimizer() == OptimizerKind.SGD).toList();
            List<CenteredNfa.Run> base = sgd.isEmpty() ? runs.stream().filter(x -> x.task().equals(task)).toList() : sgd;
            String opt = sgd.isEmpty() ? "SLO" : "SGD";
            r.plot(task + "_c_nfa.png", task + ": C-NFA (mean over hidden layers) over training per init scale (" + opt + ")",
                    LineChart.pngBytes(task + ": C-NFA per init scale (" + opt + ")", "step", "C-NFA", series(base, true)));
            r.plot(task + "_uc_nfa.png", task + ": UC-NFA (mean over hidden layers) over training per init scale (" + opt + ")",
                    LineChart.pngBytes(task + ": UC-NFA per init scale (" + opt + ")", "step", "UC-NFA", series(base, false)));
            List<CenteredNfa.Run> all = runs.stream().filter(x -> x.task().equals(task)).toList();
            List<String> labels = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            for (CenteredNfa.Run x : all) {
                String l = "F=" + x.initScale() + " " + x.optimizer().id();
                labels.add(l + " K");
                values.add(x.meanCNfa());
                labels.add(l + " K'");
                values.add(x.meanControl());
            }
            r.plot(task + "_final_c_nfa.png", task + ": final C-NFA (hidden mean) with the true K and with the random-spectrum "
                    + "control K'", BarChart.pngBytes(labels, values.stream().mapToDouble(Double::doubleValue).toArray(),
                    task + ": final C-NFA, K vs K'", "C-NFA"));
        }
        CenteredNfaSections.early(r, config, early);
        CenteredNfaSections.slo(r, config, slo);
        return r;
    }

    private static Map<String, double[][]> series(List<CenteredNfa.Run> runs, boolean centred) {
        Map<String, double[][]> m = new LinkedHashMap<>();
        for (CenteredNfa.Run run : runs) {
            List<DiagnosedStep> steps = run.run().steps();
            double[] x = new double[steps.size()];
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                DiagnosedStep s = steps.get(i);
                x[i] = s.step();
                y[i] = CenteredNfa.Run.mean(s, centred);
            }
            // C-NFA is undefined at step 0 (ΔW = 0): drop non-finite points
            int k = 0;
            for (int i = 0; i < x.length; i++) {
                if (Double.isFinite(y[i])) {
                    x[k] = x[i];
                    y[k++] = y[i];
                }
            }
            m.put("F=" + run.initScale(),
                    new double[][]{java.util.Arrays.copyOf(x, k), java.util.Arrays.copyOf(y, k)});
        }
        return m;
    }

    static String fixed(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
