package org.featurelab.diagnostics;

import org.featurelab.linalg.Matrix;
import org.featurelab.nn.ForwardPass;
import org.featurelab.nn.Network;

import java.util.Arrays;

/**
 * How close the hidden pre-activations u = (W_ℓh_ℓ(x))ⱼ of a network sit to the kink u = 0 of a piecewise-linear
 * activation. With m = median |u| over all hidden units and rows, {@code within[k]} counts |u| &lt; 10^{−2k}·m for
 * k = 1, 2, 3 (10⁻², 10⁻⁴, 10⁻⁶). If u had a continuous density near 0 each count would be ≈ 10⁻² times the previous
 * one; an excess at the small thresholds means units pinned at the kink, where a decayed ReLU objective 𝓛 is not
 * differentiable: 0 can be in its (Clarke) subdifferential while the computed ∇𝓛 (σ'(0) taken as 0) does not vanish,
 * and with it FACT's residual W_ℓᵀW_ℓ − FACT_ℓ = (1/λ)W_ℓᵀ∂𝓛/∂W_ℓ. Cost: one forward pass over X and a sort of the
 * n·Σ(hidden widths) values.
 *
 * @param within   counts of |u| &lt; 10⁻²m, 10⁻⁴m, 10⁻⁶m
 * @param total    hidden pre-activations counted (rows × hidden units)
 * @param smallest the smallest |u|/m
 */
public record KinkPinning(long[] within, long total, double smallest) {
    private static final double[] THRESHOLDS = {1e-2, 1e-4, 1e-6};

    public KinkPinning {
        within = within.clone();
    }

    @Override
    public long[] within() {
        return within.clone();
    }

    /** The counts for {@code network} over the rows of {@code x} (hidden layers 0 … L−2; the readout has no kink). */
    public static KinkPinning of(Network network, Matrix x) {
        ForwardPass pass = network.forward(x);
        int hidden = network.depth() - 1;
        long total = 0;
        for (int l = 0; l < hidden; l++) {
            total += pass.preActivation(l).data().length;
        }
        long[] within = new long[THRESHOLDS.length];
        if (total == 0) {
            return new KinkPinning(within, 0, Double.NaN);
        }
        double[] a = new double[Math.toIntExact(total)];
        int at = 0;
        for (int l = 0; l < hidden; l++) {
            for (double u : pass.preActivation(l).data()) {
                a[at++] = Math.abs(u);
            }
        }
        Arrays.sort(a);
        double median = a[a.length / 2];
        for (double v : a) {
            if (v >= THRESHOLDS[0] * median) {
                break;
            }
            for (int k = 0; k < THRESHOLDS.length; k++) {
                if (v < THRESHOLDS[k] * median) {
                    within[k]++;
                }
            }
        }
        return new KinkPinning(within, total, median > 0 ? a[0] / median : Double.NaN);
    }

    @Override
    public String toString() {
        return "KinkPinning[within 1e-2/1e-4/1e-6 of median " + Arrays.toString(within) + ", total " + total + ", smallest "
                + smallest + "]";
    }
}
