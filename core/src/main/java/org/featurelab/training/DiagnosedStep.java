package org.featurelab.training;

import org.featurelab.diagnostics.LayerDiagnostics;
import org.featurelab.diagnostics.NetworkDiagnostics;

import java.util.ArrayList;
import java.util.List;

/**
 * The scalars of one diagnosed training step over the sample set: the objective 𝓛 (mean loss + (λ/2)‖θ‖²),
 * the mean loss alone, ‖∇𝓛‖, and per layer the correlations of {@link LayerDiagnostics}. Undefined values are NaN.
 *
 * @param step      updates applied so far
 * @param trainLoss 𝓛 over the sample set
 * @param dataLoss  (1/n)Σᵢℓᵢ over the sample set
 * @param gradNorm  ‖∇𝓛‖ over the sample set
 * @param stationarity ‖∇𝓛‖ against ‖λθ‖ over the sample set, per layer and total ({@link Stationarity}); null when
 *                     not measured
 */
public record DiagnosedStep(int step, double trainLoss, double dataLoss, double gradNorm, List<Layer> layers,
                            Stationarity stationarity) {
    public DiagnosedStep {
        layers = List.copyOf(layers);
    }

    /** The same record at step {@code newStep} (a run continued from another one's last network). */
    public DiagnosedStep withStep(int newStep) {
        return new DiagnosedStep(newStep, trainLoss, dataLoss, gradNorm, layers, stationarity);
    }

    /** A step without a stationarity record. */
    public DiagnosedStep(int step, double trainLoss, double dataLoss, double gradNorm, List<Layer> layers) {
        this(step, trainLoss, dataLoss, gradNorm, layers, null);
    }

    /**
     * Per-layer scalars; see {@link LayerDiagnostics} for the definitions (NFA at α = ½).
     */
    public record Layer(int index, double pearsonFact, double cosineFact, double pearsonNfa, double cosineNfa,
                        double bestAlpha, double ucNfa, double cNfa, double factRelativeError, double balancedness) {
    }

    /** Column suffixes of the per-layer values, in {@link #values(Layer)} order. */
    public static final List<String> LAYER_COLUMNS = List.of("pearson_fact", "cosine_fact", "pearson_nfa", "cosine_nfa",
            "best_alpha", "uc_nfa", "c_nfa", "fact_rel_error", "balancedness");

    /** The values of a layer in {@link #LAYER_COLUMNS} order. */
    public static double[] values(Layer l) {
        return new double[] {l.pearsonFact(), l.cosineFact(), l.pearsonNfa(), l.cosineNfa(), l.bestAlpha(), l.ucNfa(),
                l.cNfa(), l.factRelativeError(), l.balancedness()};
    }

    /** The scalars of {@code d}; {@code dataLoss} is passed because the diagnostics record only 𝓛. */
    public static DiagnosedStep of(NetworkDiagnostics d, double dataLoss) {
        return of(d, dataLoss, null);
    }

    /** As {@link #of(NetworkDiagnostics, double)}, with the stationarity of the same point (or null). */
    public static DiagnosedStep of(NetworkDiagnostics d, double dataLoss, Stationarity stationarity) {
        List<Layer> layers = new ArrayList<>();
        for (LayerDiagnostics l : d.layers()) {
            layers.add(new Layer(l.index(), l.pearsonFact(), l.cosineFact(), l.pearsonNfa(), l.cosineNfa(), l.bestAlpha(),
                    l.ucNfa(), l.cNfa(), l.factRelativeError(), l.balancedness()));
        }
        return new DiagnosedStep(d.step(), d.objective(), dataLoss, d.gradientNorm(), layers, stationarity);
    }
}
