package org.featurelab.experiment.deeplinear;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.featurelab.experiment.ExperimentReport;
import org.featurelab.report.LineChart;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Theorem 3.2 of Tansley, Massart &amp; Cartis (unbalanced init, coupled decay λ): E(t) = ‖AGOP − (W₁ᵀW₁)^L‖_F → 0
 * like e^{−2λt}. Mechanism: under gradient flow of 𝓛 = mean ½‖f − y‖² + (λ/2)‖θ‖² every imbalance
 * D_ℓ = W_{ℓ+1}ᵀW_{ℓ+1} − W_ℓW_ℓᵀ obeys Ḋ_ℓ = −2λD_ℓ (the data terms cancel), and E is linear in the D_ℓ to leading
 * order ({@link DeepLinear#theoremResidual}). For GD with step η the factor per step is (1 − ηλ)² (plus an
 * η²(G_{ℓ+1}ᵀG_{ℓ+1} − G_ℓG_ℓᵀ) term that vanishes at a stationary point), so the discrete prediction is
 * r_GD = −2 ln(1 − ηλ)/η = 2λ(1 + ηλ/2 + O(η²λ²)) per unit time t = η·step.
 *
 * <p>The rate is fitted ({@link DecayRate}) on the second half of training, t ∈ [T/2, T]: there the terms of E of
 * second order in D (and the drift of the coefficients with the weights, itself driven by the D_ℓ) are
 * e^{−λT} smaller than at the start relative to the first-order term.
 */
public final class Theorem32 {
    private Theorem32() {
    }

    /**
     * The per-depth result: the fit of E with decay and without (standard init), E at the start and end of the decay
     * run, and max_t E/‖BᵀB‖_F of the balanced run without decay (0 in exact arithmetic and gradient flow; GD drifts
     * by O(η) over training).
     */
    public record Row(int depth, double lambda, double gdRate, DecayRate.Fit decay, DecayRate.Fit noDecay,
                      double residualStart, double residualEnd, double balancedMaxRelative) {
        /** fitted rate / r_GD. */
        public double ratio() {
            return decay.rate() / gdRate;
        }
    }

    /** r_GD = −2 ln(1 − ηλ)/η. */
    public static double gdRate(double eta, double lambda) {
        return -2 * Math.log1p(-eta * lambda) / eta;
    }

    /** t (= η·step) and E of a run's trace. */
    static double[][] series(DeepLinear.Run run, double eta) {
        List<DeepLinear.Point> tr = run.trace();
        double[] t = new double[tr.size()];
        double[] e = new double[tr.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = tr.get(i).step() * eta;
            e[i] = tr.get(i).theoremResidual();
        }
        return new double[][]{t, e};
    }

    /** Rows for every depth: linear chain of the given rank, standard init with and without decay, balanced without. */
    public static List<Row> rows(DeepLinear.Config config, List<DeepLinear.Run> runs, int rank) {
        double eta = config.learningRate();
        double horizon = eta * config.steps();
        List<DeepLinear.Run> decay = DeepLinearExperiment.select(runs, DeepLinear.Model.LINEAR, rank, DeepLinear.Init.STANDARD, true);
        List<DeepLinear.Run> none = DeepLinearExperiment.select(runs, DeepLinear.Model.LINEAR, rank, DeepLinear.Init.STANDARD, false);
        List<DeepLinear.Run> bal = DeepLinearExperiment.select(runs, DeepLinear.Model.LINEAR, rank, DeepLinear.Init.BALANCED, false);
        java.util.ArrayList<Row> out = new java.util.ArrayList<>();
        for (int k = 0; k < decay.size(); k++) {
            double[][] s = series(decay.get(k), eta);
            double[][] s0 = series(none.get(k), eta);
            double maxRel = 0;
            for (DeepLinear.Point p : bal.get(k).trace()) {
                maxRel = Math.max(maxRel, p.theoremResidual());
            }
            double targetNorm = 0;                          // ‖BᵀB‖_F = √Σ s_k⁴ (the fitted chain's AGOP ≈ BᵀB)
            for (double sv : bal.get(k).targetSingularValues()) {
                targetNorm += Math.pow(sv, 4);
            }
            out.add(new Row(decay.get(k).depth(), config.weightDecay(), gdRate(eta, config.weightDecay()),
                    DecayRate.fit(s[0], s[1], horizon / 2), DecayRate.fit(s0[0], s0[1], horizon / 2), s[1][0],
                    s[1][s[1].length - 1], maxRel / Math.sqrt(targetNorm)));
        }
        return out;
    }

    /** Writes {@code theorem_3_2} and the plot of E over training. */
    static void report(ExperimentReport r, DeepLinear.Config config, List<DeepLinear.Run> runs, int rank) {
        ArrayNode a = r.summary().putArray("theorem_3_2");
        for (Row row : rows(config, runs, rank)) {
            ObjectNode o = a.addObject();
            o.put("L", row.depth());
            o.put("weight_decay", row.lambda());
            o.put("two_lambda", 2 * row.lambda());
            o.put("gd_rate", row.gdRate());
            o.put("fitted_rate", row.decay().rate());
            o.put("fitted_over_gd_rate", row.ratio());
            o.put("fitted_over_two_lambda", row.decay().rate() / (2 * row.lambda()));
            o.put("r_squared", row.decay().rSquared());
            o.put("window_from_t", row.decay().from());
            o.put("window_to_t", row.decay().to());
            o.put("residual_start", row.residualStart());
            o.put("residual_end", row.residualEnd());
            o.put("no_decay_fitted_rate", row.noDecay().rate());
            o.put("balanced_max_relative_residual", row.balancedMaxRelative());
        }
        Map<String, double[][]> m = new LinkedHashMap<>();
        double eta = config.learningRate();
        for (boolean d : new boolean[]{true, false}) {
            for (DeepLinear.Run run : DeepLinearExperiment.select(runs, DeepLinear.Model.LINEAR, rank, DeepLinear.Init.STANDARD, d)) {
                double[][] s = series(run, eta);
                for (int i = 0; i < s[1].length; i++) {
                    s[1][i] = Math.max(s[1][i], 1e-16);
                }
                m.put((d ? "std+λ" : "std") + " L=" + run.depth(), s);
            }
        }
        r.plot("theorem_3_2.png", "Theorem 3.2: ‖AGOP − (W₁ᵀW₁)^L‖_F over training time t = η·step (log scale), standard init, "
                        + "with coupled decay λ = " + config.weightDecay() + " (slope −2λ) and without (flat)",
                LineChart.pngBytesLogY("‖AGOP − (W₁ᵀW₁)^L‖_F", "t = η·step", "residual", m));
    }
}
