package org.featurelab.report;

import org.featurelab.training.DiagnosedStep;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Sink: PNG line charts over training — {@code correlations.png} (per layer ρ(WᵀW, FACT) and ρ(WᵀW, AGOP^½)),
 * {@code loss.png} (log₁₀ 𝓛 and log₁₀ ‖∇𝓛‖; {@link LineChart} has no log axis). Undefined points are left out;
 * a chart with no defined point is left out. {@link RunOutput} writes them.
 */
public final class TrainingPlots {
    public static final String CORRELATIONS = "correlations.png";
    public static final String LOSS = "loss.png";

    private TrainingPlots() {
    }

    /** The charts as (file name → PNG bytes), in display order. */
    public static Map<String, byte[]> render(List<DiagnosedStep> steps) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        Map<String, double[][]> corr = new LinkedHashMap<>();
        int depth = steps.isEmpty() ? 0 : steps.get(0).layers().size();
        for (int l = 0; l < depth; l++) {
            int layer = l;
            put(corr, "layer " + l + " Pearson(WᵀW, FACT)", steps, s -> s.layers().get(layer).pearsonFact());
            put(corr, "layer " + l + " Pearson(WᵀW, AGOP^½)", steps, s -> s.layers().get(layer).pearsonNfa());
        }
        if (!corr.isEmpty()) {
            out.put(CORRELATIONS, LineChart.pngBytes("Per-layer correlations over training", "step", "Pearson", corr));
        }
        Map<String, double[][]> loss = new LinkedHashMap<>();
        put(loss, "log10 train loss (objective)", steps, s -> Math.log10(s.trainLoss()));
        put(loss, "log10 grad norm", steps, s -> Math.log10(s.gradNorm()));
        if (!loss.isEmpty()) {
            out.put(LOSS, LineChart.pngBytes("Objective and gradient norm", "step", "log10", loss));
        }
        return out;
    }

    /** Adds the charts of {@link #render} to a run's output, with their captions. */
    public static void addTo(RunOutput output, List<DiagnosedStep> steps) {
        render(steps).forEach((file, png) -> output.plot(file, caption(file), png));
    }

    /** The caption of a chart of {@link #render}, for the run's page. */
    static String caption(String file) {
        return switch (file) {
            case CORRELATIONS -> "Per layer: Pearson correlation of WᵀW with FACT and with AGOP^½ over training";
            case LOSS -> "log₁₀ of the objective 𝓛 and of ‖∇𝓛‖ over training";
            default -> throw new IllegalArgumentException("training plots: no chart " + file);
        };
    }

    private static void put(Map<String, double[][]> series, String name, List<DiagnosedStep> steps,
                            ToDoubleFunction<DiagnosedStep> value) {
        double[] x = new double[steps.size()];
        double[] y = new double[steps.size()];
        int k = 0;
        for (DiagnosedStep s : steps) {
            double v = value.applyAsDouble(s);
            if (Double.isFinite(v)) {
                x[k] = s.step();
                y[k] = v;
                k++;
            }
        }
        if (k > 0) {
            series.put(name, new double[][] {java.util.Arrays.copyOf(x, k), java.util.Arrays.copyOf(y, k)});
        }
    }
}
