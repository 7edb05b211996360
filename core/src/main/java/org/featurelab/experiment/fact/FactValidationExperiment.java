package org.featurelab.experiment.fact;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.featurelab.base.Progress;
import org.featurelab.experiment.ExperimentReport;
import org.featurelab.report.LineChart;
import org.featurelab.training.DiagnosedStep;
import org.featurelab.training.MetricsCsv;
import org.featurelab.training.Stationarity;
import org.featurelab.training.SummaryJson;
import org.featurelab.training.TrainConfig;
import org.featurelab.training.TrainingRun;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code featurelab experiment fact-validation}: runs {@link FactValidation} and reports, as {@code featurelab train}
 * does, the last diagnosed step — summary {@code layers} (built by {@link SummaryJson#of}, so the keys are
 * identical: {@code index, pearson_fact, cosine_fact, pearson_nfa, cosine_nfa, best_alpha, uc_nfa, c_nfa,
 * fact_rel_error, balancedness}), {@code train_loss} (𝓛), {@code data_loss}, {@code grad_norm} (‖∇𝓛‖),
 * {@code step}, {@code total_steps}, {@code diagnostic_rows}, plus {@code test_error} and {@code fact_above_nfa}
 * (ρ(WᵀW, FACT) &gt; ρ(WᵀW, AGOP^½) on every layer of every seed), all of the first seed's run, with its
 * {@code stationarity} object ({@link Stationarity}: ‖∇𝓛‖ against ‖λθ‖, total and per layer); {@code seeds}, one entry
 * per seed (final per-layer correlations and stationarity ratios, {@code fact_high_step}: first diagnosed step with
 * ρ(WᵀW, FACT) ≥ {@value #HIGH} on every layer, {@code stationary_step}: first with max_ℓ ‖∂𝓛/∂W_ℓ‖/‖λW_ℓ‖ ≤
 * {@value Stationarity#NEAR}; −1 for never); and {@code across_seeds}, mean ± sd (sample sd, n − 1) of those finals
 * per layer. metrics.csv: {@code featurelab train}'s rows ({@link MetricsCsv#rows}) of the first seed, plus run
 * {@code stationarity} ({@code ratio}, {@code max_layer_ratio}) and {@code layerℓ}/{@code stationarity_ratio}.
 * Plots (first seed): one per layer with both correlations over training, log₁₀ 𝓛 and ‖∇𝓛‖, and log₁₀ of the
 * stationarity ratios.
 */
public final class FactValidationExperiment {
    /** The claim reproduced. */
    public static final String CLAIM = "Claim (FACT paper): for a deep ReLU MLP trained with MSE and coupled weight decay "
            + "to a stationary point, every layer satisfies WᵀW = FACT exactly, so Pearson(WᵀW, FACT) → 1 at convergence, "
            + "above the Neural Feature Ansatz's Pearson(WᵀW, AGOP^½); during most of training FACT's correlation is low.";

    /** ρ(WᵀW, FACT) counted as high (≈ 1) for {@code fact_high_step}. */
    public static final double HIGH = 0.9;

    private FactValidationExperiment() {
    }

    /** Trains {@code config.seeds()} runs (seeds seed, seed + 1, …) and builds the report. */
    public static ExperimentReport run(FactValidation.Config config, Progress progress) {
        List<FactValidation.Result> results = new ArrayList<>();
        for (int k = 0; k < config.seeds(); k++) {
            results.add(FactValidation.run(config.withSeed(config.seed() + k), progress));
        }
        return report(results);
    }

    static ExperimentReport report(FactValidation.Result result) {
        return report(List.of(result));
    }

    static ExperimentReport report(List<FactValidation.Result> results) {
        FactValidation.Result result = results.get(0);
        FactValidation.Config config = result.config();
        TrainingRun run = result.run();
        ExperimentReport r = new ExperimentReport("fact-validation", CLAIM);
        ObjectNode c = r.config();
        c.put("data", result.data().source());
        c.put("trainRows", result.data().train().size());
        c.put("testRows", result.data().test().size());
        c.put("hiddenLayers", config.hiddenLayers());
        c.put("width", config.width());
        c.put("steps", config.steps());
        c.setAll(run.config().toJson());
        c.put("polishSteps", config.polishSteps());
        if (config.polishSteps() > 0) {
            c.put("polishOptimizer", "lbfgs");
            c.put("polishMemory", TrainConfig.LBFGS_MEMORY);
        }
        ObjectNode s = r.summary();
        s.setAll(SummaryJson.of(run));
        s.put("test_error", result.testError());
        ObjectNode kinks = s.putObject("kinks");
        long[] within = result.kinks().within();
        kinks.put("within_1e-2_median", within[0]);
        kinks.put("within_1e-4_median", within[1]);
        kinks.put("within_1e-6_median", within[2]);
        kinks.put("total", result.kinks().total());
        kinks.put("smallest_over_median", result.kinks().smallest());
        boolean above = true;
        for (FactValidation.Result each : results) {
            for (DiagnosedStep.Layer l : each.run().last().layers()) {
                above &= l.pearsonFact() > l.pearsonNfa();
            }
        }
        s.put("fact_above_nfa", above);
        ArrayNode perSeed = s.putArray("seeds");
        results.forEach(each -> perSeed.add(SeedSummary.of(each)));
        s.set("across_seeds", SeedSummary.across(results));
        DiagnosedStep last = run.last();
        r.table(List.of("layer", "pearson_fact", "pearson_nfa (α=½)", "‖∂𝓛/∂W‖/‖λW‖", "cosine_fact", "cosine_nfa", "best α",
                "‖FACT−WᵀW‖/‖WᵀW‖"), SeedSummary.rows(results));
        MetricsCsv.rows(run.steps(), r::metric);
        for (DiagnosedStep d : run.steps()) {
            if (d.stationarity() != null) {
                r.metric("stationarity", d.step(), "ratio", d.stationarity().ratio());
                r.metric("stationarity", d.step(), "max_layer_ratio", d.stationarity().maxLayerRatio());
                for (int l = 0; l < d.layers().size(); l++) {
                    r.metric(MetricsCsv.layerRun(l), d.step(), "stationarity_ratio", d.stationarity().layerRatio(l));
                }
            }
        }
        r.note(String.format(Locale.ROOT, "%s, %d training rows; %s MLP %s, MSE, coupled weight decay λ = %s on weights "
                        + "and biases, full-batch heavy-ball GD (η = %s, μ = %s) for %d steps%s. At the end ‖∇𝓛‖ = %.3g, "
                        + "𝓛 = %.5f, test error %.3f. Diagnostics on %d rows, every %d steps: FACT_ℓ = −(1/(nλ)) Σᵢ "
                        + "∇_{h_ℓ}ℓᵢ h_ℓ(xᵢ)ᵀ, NFA at α = ½. The paper uses λ = 10⁻⁴; the default here is larger so that "
                        + "training reaches a stationary point in this budget (see FactValidation.Config#defaults). "
                        + "Stationarity (first seed): %s. Table: mean ± sd over %d seed(s) from %d.",
                result.data().source(), result.data().train().size(), config.activation().name(),
                run.config().toJson().get("arch").asText(),
                config.weightDecay(), config.learningRate(), config.momentum(), config.steps(),
                config.polishSteps() == 0 ? "" : String.format(Locale.ROOT, ", then %d L-BFGS iterations on the same 𝓛 "
                        + "(steps %d–%d of the curves)", config.polishSteps(), config.steps(), run.totalSteps()),
                last.gradNorm(),
                last.trainLoss(), result.testError(), run.sampleRows(), config.diagnoseEvery(),
                last.stationarity() == null ? "n/a" : last.stationarity().note(), results.size(), config.seed()));
        int depth = last.layers().size();
        for (int layer = 0; layer < depth; layer++) {
            Map<String, double[][]> series = new LinkedHashMap<>();
            series.put("Pearson(WᵀW, FACT)", series(run, layer, true));
            series.put("Pearson(WᵀW, AGOP^½)", series(run, layer, false));
            r.plot("layer" + layer + "_correlations.png", "Layer " + layer + ": Pearson correlation of WᵀW with FACT and with "
                    + "AGOP^½ over training", LineChart.pngBytes("Layer " + layer + " (" + (layer == 0 ? "input" : layer + 1 == depth
                    ? "output" : "hidden") + " layer)", "step", "Pearson", series));
        }
        double[] x = new double[run.steps().size()];
        double[] loss = new double[x.length];
        double[] grad = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            DiagnosedStep d = run.steps().get(i);
            x[i] = d.step();
            loss[i] = Math.log10(d.trainLoss());
            grad[i] = Math.log10(d.gradNorm());
        }
        Map<String, double[][]> ls = new LinkedHashMap<>();
        ls.put("log10 objective", new double[][]{x, loss});
        ls.put("log10 |grad|", new double[][]{x, grad});
        r.plot("loss.png", "log₁₀ of the objective 𝓛 and of ‖∇𝓛‖ over training",
                LineChart.pngBytes("Objective and gradient norm", "step", "log10", ls));
        Map<String, double[][]> st = new LinkedHashMap<>();
        for (int layer = 0; layer < depth; layer++) {
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                Stationarity one = run.steps().get(i).stationarity();
                y[i] = one == null ? Double.NaN : Math.log10(one.layerRatio(layer));
            }
            st.put("layer " + layer, new double[][]{x, y});
        }
        r.plot("stationarity.png", "log₁₀ ‖∂𝓛/∂W_ℓ‖/‖λW_ℓ‖ per layer over training (near-stationary below log₁₀ "
                + Stationarity.NEAR + " = −1)", LineChart.pngBytes("Stationarity ratio per layer", "step", "log10 ratio", st));
        return r;
    }

    private static double[][] series(TrainingRun run, int layer, boolean fact) {
        double[] x = new double[run.steps().size()];
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            DiagnosedStep.Layer l = run.steps().get(i).layers().get(layer);
            x[i] = run.steps().get(i).step();
            y[i] = fact ? l.pearsonFact() : l.pearsonNfa();
        }
        return new double[][]{x, y};
    }

    private static String fixed(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
