package org.featurelab.experiment.fact;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.featurelab.base.Progress;
import org.featurelab.experiment.ExperimentReport;
import org.featurelab.report.LineChart;
import org.featurelab.training.DiagnosedStep;
import org.featurelab.training.MetricsCsv;
import org.featurelab.training.SummaryJson;
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
 * (ρ(WᵀW, FACT) &gt; ρ(WᵀW, AGOP^½) on every layer); metrics.csv rows as {@code featurelab train}'s
 * ({@link MetricsCsv#rows}). Plots: one per layer with both correlations over training, and log₁₀ 𝓛 and ‖∇𝓛‖.
 */
public final class FactValidationExperiment {
    /** The claim reproduced. */
    public static final String CLAIM = "Claim (FACT paper): for a deep ReLU MLP trained with MSE and coupled weight decay "
            + "to a stationary point, every layer satisfies WᵀW = FACT exactly, so Pearson(WᵀW, FACT) → 1 at convergence, "
            + "above the Neural Feature Ansatz's Pearson(WᵀW, AGOP^½); during most of training FACT's correlation is low.";

    private FactValidationExperiment() {
    }

    /** Trains and builds the report. */
    public static ExperimentReport run(FactValidation.Config config, Progress progress) {
        return report(FactValidation.run(config, progress));
    }

    static ExperimentReport report(FactValidation.Result result) {
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
        ObjectNode s = r.summary();
        s.setAll(SummaryJson.of(run));
        s.put("test_error", result.testError());
        boolean above = true;
        List<List<String>> rows = new ArrayList<>();
        DiagnosedStep last = run.last();
        for (DiagnosedStep.Layer l : last.layers()) {
            above &= l.pearsonFact() > l.pearsonNfa();
            rows.add(List.of(Integer.toString(l.index()), fixed(l.pearsonFact()), fixed(l.pearsonNfa()), fixed(l.cosineFact()),
                    fixed(l.cosineNfa()), fixed(l.bestAlpha()), fixed(l.factRelativeError())));
        }
        s.put("fact_above_nfa", above);
        r.table(List.of("layer", "pearson_fact", "pearson_nfa (α=½)", "cosine_fact", "cosine_nfa", "best α",
                "‖FACT−WᵀW‖/‖WᵀW‖"), rows);
        MetricsCsv.rows(run.steps(), r::metric);
        r.note(String.format(Locale.ROOT, "%s, %d training rows; ReLU MLP %s, MSE, coupled weight decay λ = %s on weights "
                        + "and biases, full-batch heavy-ball GD (η = %s, μ = %s) for %d steps. At the end ‖∇𝓛‖ = %.3g, "
                        + "𝓛 = %.5f, test error %.3f. Diagnostics on %d rows, every %d steps: FACT_ℓ = −(1/(nλ)) Σᵢ "
                        + "∇_{h_ℓ}ℓᵢ h_ℓ(xᵢ)ᵀ, NFA at α = ½. The paper uses λ = 10⁻⁴; the default here is larger so that "
                        + "training reaches a stationary point in this budget (see FactValidation.Config#defaults).",
                result.data().source(), result.data().train().size(), run.config().toJson().get("arch").asText(),
                config.weightDecay(), config.learningRate(), config.momentum(), run.totalSteps(), last.gradNorm(),
                last.trainLoss(), result.testError(), run.sampleRows(), config.diagnoseEvery()));
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
