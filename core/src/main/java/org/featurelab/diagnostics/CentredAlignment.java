package org.featurelab.diagnostics;

import org.featurelab.linalg.Matrix;
import org.featurelab.nn.Network;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Per-layer centred-NFA report of a trained network against its initialisation over a sample set X (n×d)
 * (../shared/REFERENCE.md §5). With W = W_ℓ, ΔW = W − W(0) and K = K_ℓ the PTK covariance at the pre-activation
 * ({@link LayerMatrices#outputGradients}):
 * <pre>
 *   UC-NFA_ℓ     = ρ(WᵀW, WᵀKW)
 *   C-NFA_ℓ      = ρ(ΔWᵀΔW, ΔWᵀKΔW)
 *   control_ℓ    = ρ(ΔWᵀΔW, ΔWᵀK'ΔW),  K' = QΛQᵀ ({@link SpectrumControl#randomSpectrum}, Q Haar, own seed per layer)
 *   moved_ℓ      = ‖ΔW‖_F / ‖W‖_F
 *   rank_ℓ       = ‖ΔW‖_F² / ‖ΔW‖₂²   (stable rank of ΔW)
 * </pre>
 * The control only discriminates when ΔW has more than one direction: for ΔW = uvᵀ, ΔWᵀMΔW = (uᵀMu)·vvᵀ ∝ ΔWᵀΔW for
 * every M, so C-NFA and the control are both 1; the stable rank says how close a layer is to that case.
 * ρ is Pearson over all entries ({@link Correlations#pearson}). At a linear readout ∂f_c/∂u = e_c, so K = n·I and
 * UC-NFA = C-NFA = 1 by construction: {@link #hiddenMean} leaves the last layer out. Cost: c backward passes over X
 * plus, per layer, two eigendecompositions and a Haar draw (about 16·out_ℓ³ + 9·in_ℓ³ flops).
 */
public final class CentredAlignment {
    private CentredAlignment() {
    }

    /** The values of one layer, named as in the class javadoc. */
    public record Layer(int index, double ucNfa, double cNfa, double cNfaRandomSpectrum, double relativeChange,
                        double stableRank) {
    }

    /**
     * The report of every layer of {@code trained} (same widths as {@code initial}) over the rows of {@code x}.
     * The Haar draw of layer ℓ uses the ℓ-th split of {@code new SplittableRandom(seed)}.
     */
    public static List<Layer> of(Network trained, Network initial, Matrix x, long seed) {
        if (!java.util.Arrays.equals(initial.widths(), trained.widths())) {
            throw new IllegalArgumentException("centred alignment: initial network " + initial + " does not match " + trained);
        }
        LayerMatrices.OutputGradientMatrices og = LayerMatrices.outputGradients(trained, x);
        SplittableRandom root = new SplittableRandom(seed);
        List<Layer> out = new ArrayList<>();
        for (int l = 0; l < trained.depth(); l++) {
            SplittableRandom rng = root.split();
            Matrix w = trained.weights(l);
            Matrix k = og.ptkCovariance().get(l);
            Matrix dw = w.minus(initial.weights(l));
            Matrix centred = dw.gramOfColumns();
            double uc = Correlations.pearson(w.gramOfColumns(), w.transposeTimes(k).times(w));
            double c = Correlations.pearson(centred, dw.transposeTimes(k).times(dw));
            Matrix kPrime = SpectrumControl.randomSpectrum(k, rng);
            double control = Correlations.pearson(centred, dw.transposeTimes(kPrime).times(dw));
            double[] eig = org.featurelab.linalg.SymmetricEigen.of(centred).values();
            double top = eig[eig.length - 1];
            out.add(new Layer(l, uc, c, control, dw.frobeniusNorm() / w.frobeniusNorm(),
                    top > 0 ? centred.trace() / top : Double.NaN));
        }
        return List.copyOf(out);
    }

    /** Mean over the hidden layers 0..L−2 (the readout left out) of a per-layer value; NaN entries skipped. */
    public static double hiddenMean(double[] perLayer) {
        double s = 0;
        int k = 0;
        for (int l = 0; l + 1 < perLayer.length; l++) {
            if (Double.isFinite(perLayer[l])) {
                s += perLayer[l];
                k++;
            }
        }
        return k == 0 ? Double.NaN : s / k;
    }
}
