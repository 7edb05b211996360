package org.featurelab.experiment.deeplinear;

import com.fasterxml.jackson.databind.JsonNode;
import org.featurelab.base.Progress;
import org.featurelab.experiment.ExperimentReport;
import org.featurelab.experiment.PowerSweep;
import org.featurelab.linalg.Matrix;
import org.featurelab.testing.RandomData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.featurelab.testing.Close.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link DeepLinearExperiment} at {@link DeepLinear.Config#quick()} and {@link OptimizerAxis.Config#quick()} (one run,
 * about 10–20 s: 24 trainings of 2 000 GD steps, 18 axis and 3 spectra trainings of 1 000 steps). Measured quick run
 * (seed 0): balanced chains peak at α̃ = 0.50, 0.34, 0.25, 0.21 with cos at 1/L ≥ 0.99998; standard init without
 * decay has cos at 1/L 0.32–0.50 and balancedness 5.6–27 (conserved); with λ = 0.1 (λt = 4) cos at 1/L ≥ 0.99999 and
 * balancedness 0.002–0.009. Theorem 3.2: fitted rate / r_GD = 1.007, 1.008, 0.990, 0.989 for L = 2..5.
 */
class DeepLinearExperimentTest {
    private static ExperimentReport report;

    @BeforeAll
    static void runQuick() {
        report = DeepLinearExperiment.run(DeepLinear.Config.quick(), Progress.NONE);
    }

    @Test
    void balancedNetsPeakAtInverseDepthForEveryQuickDepth() {
        int[] depths = DeepLinear.Config.quick().depths();
        JsonNode rows = report.summary().get("depths");
        assertEquals(depths.length, rows.size());
        for (int k = 0; k < depths.length; k++) {
            JsonNode row = rows.get(k);
            int l = row.get("L").asInt();
            assertEquals(depths[k], l);
            double alpha = row.get("argmax_alpha").asDouble();
            assertTrue(Math.abs(alpha - 1.0 / l) <= 0.05, "argmax α̃ " + alpha + " for L = " + l);
            assertEquals(l * alpha, row.get("argmax_L_alpha").asDouble(), 1e-12);
            assertTrue(row.get("cosine_at_inverse_L").asDouble() > 0.9999, "cos at 1/L for L = " + l + ": " + row);
            assertTrue(row.get("train_loss").asDouble() < 1e-6, "the balanced chain fits the linear target: " + row);
        }
    }

    @Test
    void standardInitNeedsWeightDecay() {
        JsonNode noDecay = report.summary().get("standard_init").get("no_decay");
        JsonNode decay = report.summary().get("standard_init").get("weight_decay");
        assertEquals(noDecay.size(), decay.size());
        for (int k = 0; k < noDecay.size(); k++) {
            assertTrue(noDecay.get(k).get("cosine_at_inverse_L").asDouble() < 0.7, "no decay: " + noDecay.get(k));
            assertTrue(decay.get(k).get("cosine_at_inverse_L").asDouble() > 0.99, "decay: " + decay.get(k));
            assertTrue(decay.get(k).get("balancedness").asDouble() < 0.1 * noDecay.get(k).get("balancedness").asDouble(),
                    "decay shrinks the balancedness residual: " + decay.get(k) + " vs " + noDecay.get(k));
        }
    }

    @Test
    void reportHasItsKeysAndPlots() {
        for (String key : new String[]{"depths", "standard_init", "runs", "main_rank"}) {
            assertTrue(report.summary().has(key), key);
        }
        // quick: 1 rank × 4 depths × (2 inits × 2 decays linear + 2 decays ReLU head)
        assertEquals(24, report.summary().get("runs").size());
        assertEquals(10, report.plots().size());
        assertTrue(report.plots().stream().allMatch(p -> p.png().length > 1000));
    }

    /**
     * Theorem 3.2 on the quick standard-init runs: E(t) = ‖AGOP − (W₁ᵀW₁)^L‖_F decays at r_GD = −2 ln(1 − ηλ)/η
     * ≈ 2λ. Tolerance 5 %: the part of E linear in the imbalances D_ℓ decays at exactly r_GD (per-step factor
     * (1 − ηλ)² of D_ℓ; the η²(GᵀG − GGᵀ) term vanishes at the stationary point); the rest (second order in D and the
     * drift of the coefficients with the weights, both driven by D) is e^{−2λt} smaller relative to it. On the window
     * t ∈ [T/2, T] with λT = 4, e^{−2λT/2} = e^{−4} = 0.018, times a relative imbalance K at t = 0 of up to ~10 (E(0)
     * /‖AGOP‖ here), over 2λ(T − T/2) = 4 units of ln: a slope error ≲ 10·0.018/4 ≈ 0.045. A rate of λ or 4λ fails.
     * Without decay the D_ℓ are conserved and E tends to a constant: |rate| ≤ 5 % of 2λ.
     */
    @Test
    void theoremResidualDecaysAtTwiceTheWeightDecay() {
        JsonNode rows = report.summary().get("theorem_3_2");
        assertEquals(DeepLinear.Config.quick().depths().length, rows.size());
        for (JsonNode row : rows) {
            double ratio = row.get("fitted_over_gd_rate").asDouble();
            assertTrue(Math.abs(ratio - 1) <= 0.05, "fitted / r_GD at L = " + row.get("L") + ": " + ratio);
            assertTrue(row.get("r_squared").asDouble() > 0.999, "log-linear: " + row);
            assertTrue(row.get("residual_end").asDouble() < 1e-3 * row.get("residual_start").asDouble(), "E shrinks: " + row);
            assertTrue(Math.abs(row.get("no_decay_fitted_rate").asDouble()) <= 0.05 * row.get("two_lambda").asDouble(),
                    "no decay: E does not decay: " + row);
        }
    }

    /**
     * The optimiser axis on the linear target: for every optimiser, λ = 1e-2 aligns W₁ᵀW₁ with AGOP^{1/L} more than
     * λ = 0 (quick, L = 2: GD 0.506 → 0.619, SGD 0.508 → 0.620, Adam 0.580 → 0.830), and without decay the chain fits
     * (train loss ≤ 1e-8; measured ≤ 2e-10). The Gaussian-link target is reported, not asserted (GD/SGD: 0.745 → 0.738).
     */
    @Test
    void weightDecayRaisesAlignmentForEveryOptimiserOnTheLinearTarget() {
        JsonNode axis = report.summary().get("optimizer_axis");
        assertEquals(2 * 3 * 3 * OptimizerAxis.Config.quick().depths().length, axis.size());
        for (String opt : new String[]{"gd", "sgd", "adam"}) {
            double none = Double.NaN;
            double strong = Double.NaN;
            for (JsonNode o : axis) {
                if (o.get("optimizer").asText().equals(opt) && o.get("target").asText().equals("linear")) {
                    if (o.get("weight_decay").asDouble() == 0) {
                        none = o.get("cosine").asDouble();
                        assertTrue(o.get("train_loss").asDouble() < 1e-8, "fits without decay: " + o);
                    } else if (o.get("weight_decay").asDouble() == 1e-2) {
                        strong = o.get("cosine").asDouble();
                    }
                }
                assertTrue(Double.isFinite(o.get("test_loss").asDouble()), "test loss: " + o);
            }
            assertTrue(strong > none + 0.05, opt + ": cos with λ = 1e-2 " + strong + " vs λ = 0 " + none);
        }
    }

    /**
     * Figure 4: the target's AGOP has rank r exactly (gap σ_r/σ_{r+1} ≥ 1e10, round-off below), and for r = 1 the
     * trained W₁ᵀW₁ shows a gap after rank 1 (quick: 5.0; the random init's spectrum is flat, consecutive ratios
     * ≤ 1.3 here). Higher ranks are reported: in the quick run only the strongest direction is learned (gaps 1.6, 1.09).
     */
    @Test
    void spectraShowTheTargetRankAndTheLearnedGap() {
        JsonNode spectra = report.summary().get("spectra");
        assertEquals(OptimizerAxis.Config.quick().ranks().length, spectra.size());
        for (JsonNode s : spectra) {
            assertTrue(s.get("gap_target_agop").asDouble() > 1e10, "target rank: " + s);
            if (s.get("rank").asInt() == 1) {
                assertTrue(s.get("gap_nfm").asDouble() > 2, "rank-1 gap of W₁ᵀW₁: " + s);
            }
        }
    }

    /** The relative error after the best scale equals √(1 − cos²): checked against the explicit minimiser s. */
    @Test
    void relativeErrorIsTheBestScaledResidual() {
        Matrix g = RandomData.gaussian(5, 5, 3);
        Matrix n = g.gramOfColumns();
        Matrix h = RandomData.gaussian(5, 5, 4);
        Matrix p = h.gramOfColumns();
        double alpha = 0.7;
        Matrix pa = PowerSweep.power(p, alpha);
        double c = n.dot(pa) / n.dot(n);                 // argmin_c ‖cN − P^α‖
        double direct = n.scale(c).minus(pa).frobeniusNorm() / pa.frobeniusNorm();
        double cos = PowerSweep.cosineAt(n, p, alpha);
        assertClose(PowerSweep.relativeError(cos), direct, 1e-12, 1e-14, "√(1 − cos²)");
        assertTrue(n.scale(c * 1.01).minus(pa).frobeniusNorm() / pa.frobeniusNorm() > direct, "c is the minimiser");
    }
}
