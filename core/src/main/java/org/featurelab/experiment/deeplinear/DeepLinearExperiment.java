package org.featurelab.experiment.deeplinear;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.featurelab.base.Progress;
import org.featurelab.experiment.ExperimentReport;
import org.featurelab.experiment.PowerSweep;
import org.featurelab.report.LineChart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * {@code featurelab experiment deep-linear}: runs {@link DeepLinear#runAll} and reports
 * <ul>
 *   <li>{@code depths}: per L, for the main setting (linear chain, balanced init, no decay, the largest target rank):
 *       {@code argmax_alpha} of α̃ ↦ cos(W₁ᵀW₁, AGOP^α̃) on the grid 0.01..1.5, {@code cosine_at_inverse_L},
 *       {@code relative_error_at_inverse_L} (√(1 − cos²), {@link PowerSweep}), {@code balancedness}
 *       Σ_ℓ‖W_{ℓ+1}ᵀW_{ℓ+1} − W_ℓW_ℓᵀ‖_F and {@code train_loss};</li>
 *   <li>{@code standard_init}: the same keys for standard init, {@code no_decay} and {@code weight_decay};</li>
 *   <li>{@code runs}: every run (both models, ranks, inits and decays) with the same keys (each sweep also as
 *       {@code argmax_L_alpha} = L·argmax α̃, 1 at the law);</li>
 *   <li>{@code theorem_3_2}: per L, the fitted decay rate of ‖AGOP − (W₁ᵀW₁)^L‖_F against 2λ ({@link Theorem32});</li>
 *   <li>{@code optimizer_axis} and {@code spectra}: the optimiser × decay axis and Figure 4 ({@link AxisReport}).</li>
 * </ul>
 * Plots: the α̃-sweeps per L (linear and ReLU head), balancedness over training (log y), σ_k(W₁ᵀW₁)^{L/2} against
 * the target's singular values (log y), cos(W₁ᵀW₁, AGOP^{1/L}) over training, the sweeps against Lα̃, Theorem 3.2's
 * residual over training (log y), the axis cosines and the Figure-4 spectra.
 */
public final class DeepLinearExperiment {
    /** The claim reproduced. */
    public static final String CLAIM = "Claim (Tansley, Massart & Cartis 2025): for deep linear networks trained from a balanced "
            + "initialisation, W₁ᵀW₁ = AGOP^{1/L} throughout training, so cos(W₁ᵀW₁, AGOP^α̃) peaks at α̃ = 1/L — the NFA "
            + "exponent depends on depth; from an unbalanced (standard) initialisation it holds only asymptotically, and only "
            + "with weight decay, which drives the balancedness residual to 0 like e^{−2λt}.";

    private DeepLinearExperiment() {
    }

    /** Runs every configuration, with the optimiser axis {@link OptimizerAxis.Config#following}, and builds the report. */
    public static ExperimentReport run(DeepLinear.Config config, Progress progress) {
        return run(config, OptimizerAxis.Config.following(config), progress);
    }

    /** Runs every configuration and the given optimiser axis and spectra, and builds the report. */
    public static ExperimentReport run(DeepLinear.Config config, OptimizerAxis.Config axis, Progress progress) {
        ExperimentReport r = report(config, DeepLinear.runAll(config, progress));
        AxisReport.report(r, axis, OptimizerAxis.axis(axis, progress), OptimizerAxis.spectra(axis, progress));
        return r;
    }

    static ExperimentReport report(DeepLinear.Config config, List<DeepLinear.Run> runs) {
        ExperimentReport r = new ExperimentReport("deep-linear", CLAIM);
        ObjectNode c = r.config();
        c.put("dim", config.dim());
        c.put("outputs", config.outputs());
        c.put("samples", config.samples());
        c.put("width", config.width());
        ArrayNode depths = c.putArray("depths");
        for (int l : config.depths()) {
            depths.add(l);
        }
        ArrayNode ranks = c.putArray("ranks");
        int mainRank = 0;
        for (int k : config.ranks()) {
            ranks.add(k);
            mainRank = Math.max(mainRank, k);
        }
        c.put("optimizer", "gd");
        c.put("learningRate", config.learningRate());
        c.put("steps", config.steps());
        c.put("weightDecay", config.weightDecay());
        c.put("initScale", config.initScale());
        c.put("seed", config.seed());
        final int rank = mainRank;
        List<DeepLinear.Run> main = select(runs, DeepLinear.Model.LINEAR, rank, DeepLinear.Init.BALANCED, false);
        ArrayNode headline = r.summary().putArray("depths");
        main.forEach(run -> put(headline.addObject(), run));
        ObjectNode standard = r.summary().putObject("standard_init");
        ArrayNode noDecay = standard.putArray("no_decay");
        select(runs, DeepLinear.Model.LINEAR, rank, DeepLinear.Init.STANDARD, false).forEach(run -> put(noDecay.addObject(), run));
        ArrayNode decay = standard.putArray("weight_decay");
        select(runs, DeepLinear.Model.LINEAR, rank, DeepLinear.Init.STANDARD, true).forEach(run -> put(decay.addObject(), run));
        r.summary().put("main_rank", rank);
        Theorem32.report(r, config, runs, rank);
        ArrayNode all = r.summary().putArray("runs");
        List<List<String>> rows = new ArrayList<>();
        for (DeepLinear.Run run : runs) {
            ObjectNode o = all.addObject();
            o.put("model", run.model() == DeepLinear.Model.LINEAR ? "linear" : "relu_head");
            o.put("rank", run.rank());
            o.put("init", run.init().name().toLowerCase(Locale.ROOT));
            o.put("weight_decay", run.decay() ? config.weightDecay() : 0.0);
            put(o, run);
            rows.add(List.of(run.id(), sci(run.last().loss()), sci(run.last().balancedness()), fixed(run.sweep().bestAlpha()),
                    fixed(1.0 / run.depth()), String.format(Locale.ROOT, "%.5f", run.cosineAtInverseL())));
            for (DeepLinear.Point p : run.trace()) {
                r.metric(run.id(), p.step(), "train_loss", p.loss());
                r.metric(run.id(), p.step(), "balancedness", p.balancedness());
                r.metric(run.id(), p.step(), "cosine_at_inverse_L", p.cosineAtInverseL());
                if (!Double.isNaN(p.theoremResidual())) {
                    r.metric(run.id(), p.step(), "theorem_residual", p.theoremResidual());
                }
            }
            double[] a = run.sweep().alphas();
            for (int k = 0; k < a.length; k++) {
                r.metric(run.id(), a[k], "cosine_vs_alpha", run.sweep().cosines()[k]);
            }
        }
        r.table(List.of("run", "final 𝓛", "balancedness", "argmax α̃", "1/L", "cos(W₁ᵀW₁, AGOP^{1/L})"), rows);
        r.note(String.format(Locale.ROOT, "x ~ N(0, I_%d), n = %d, MSE ½‖f − y‖², full-batch GD η = %s for %d steps (t = %s); decay "
                        + "runs use coupled λ = %s (λt = %s). Linear targets y = Bx, B = Σ s_k u_k v_kᵀ (%d outputs, s = (2, 1)); "
                        + "ReLU-head targets: a standardised random 4-unit ReLU teacher of Vᵀx. Balanced chains factor A₀ = %s·G/√d; "
                        + "standard chains draw N(0, 1/in) weights; hidden width %d. α̃ grid 0.01..1.5 (step 0.01); AGOP "
                        + "eigenvalues below 1e-12·max are treated as 0 in AGOP^α̃. For a rank-1 linear target AGOP has one "
                        + "dominant eigenvalue, so the sweep is nearly flat and its argmax is set by the small remaining ones.",
                config.dim(), config.samples(), config.learningRate(), config.steps(), config.learningRate() * config.steps(),
                config.weightDecay(), config.weightDecay() * config.learningRate() * config.steps(), config.outputs(),
                config.initScale(), config.width()));
        r.plot("alpha_sweep.png", "cos(W₁ᵀW₁, AGOP^α̃) against α̃ per depth L (linear, balanced, rank " + rank + ", no decay); "
                        + "the peak sits at 1/L",
                LineChart.pngBytes("Deep linear, balanced: cos(W₁ᵀW₁, AGOP^α̃)", "α̃", "cosine", sweeps(main, false)));
        r.plot("alpha_sweep_L_alpha.png", "The same sweeps against Lα̃: every depth peaks at Lα̃ = 1",
                LineChart.pngBytes("Deep linear, balanced: cos(W₁ᵀW₁, AGOP^α̃) vs Lα̃", "Lα̃", "cosine", sweeps(main, true)));
        r.plot("alpha_sweep_relu_head.png", "The same sweep for the ReLU-head model aᵀ[W_L⋯W_1x + b₁]₊ + b₂ (balanced, rank "
                        + rank + ", no decay)",
                LineChart.pngBytes("ReLU head, balanced: cos(W₁ᵀW₁, AGOP^α̃)", "α̃", "cosine",
                        sweeps(select(runs, DeepLinear.Model.RELU_HEAD, rank, DeepLinear.Init.BALANCED, false), false)));
        Map<String, double[][]> bal = new LinkedHashMap<>();
        for (DeepLinear.Init init : DeepLinear.Init.values()) {
            for (boolean d : new boolean[]{false, true}) {
                if (init == DeepLinear.Init.BALANCED && d) {
                    continue;
                }
                for (DeepLinear.Run run : select(runs, DeepLinear.Model.LINEAR, rank, init, d)) {
                    bal.put(label(run), trace(run, p -> Math.max(p.balancedness(), 1e-16)));
                }
            }
        }
        r.plot("balancedness.png", "Balancedness residual Σ_ℓ‖W_{ℓ+1}ᵀW_{ℓ+1} − W_ℓW_ℓᵀ‖_F over training (log scale): conserved "
                        + "without decay (the balanced runs drift only by the O(η²) GD error), shrinking like e^{−2λt} with decay",
                LineChart.pngBytesLogY("Balancedness residual", "step", "Σ‖W_{ℓ+1}ᵀW_{ℓ+1} − W_ℓW_ℓᵀ‖_F", bal));
        Map<String, double[][]> sv = new LinkedHashMap<>();
        double[] target = main.isEmpty() ? new double[]{1} : main.get(0).targetSingularValues();
        sv.put("target s_k", indexed(target, 1.0));
        for (DeepLinear.Run run : main) {
            double[] e = run.nfmEigenvalues();
            double[] top = new double[Math.min(6, e.length)];
            for (int k = 0; k < top.length; k++) {
                top[k] = Math.max(e[k], 0);
            }
            sv.put("σ_k(W₁ᵀW₁)^{L/2}, L=" + run.depth(), indexed(top, run.depth() / 2.0));
        }
        r.plot("singular_values.png", "Singular values of W₁ᵀW₁ raised to L/2 against the target's singular values (log scale; "
                        + "balanced W₁ᵀW₁ = (AᵀA)^{1/L} makes them coincide)",
                LineChart.pngBytesLogY("Spectrum of W₁ᵀW₁ vs target", "k", "value", sv));
        Map<String, double[][]> cos = new LinkedHashMap<>();
        for (DeepLinear.Run run : runs) {
            if (run.model() == DeepLinear.Model.LINEAR && run.rank() == rank) {
                cos.put(label(run), trace(run, DeepLinear.Point::cosineAtInverseL));
            }
        }
        r.plot("cosine_over_training.png", "cos(W₁ᵀW₁, AGOP^{1/L}) over training, every linear run of rank " + rank,
                LineChart.pngBytes("cos(W₁ᵀW₁, AGOP^{1/L}) over training", "step", "cosine", cos));
        return r;
    }

    private static void put(ObjectNode o, DeepLinear.Run run) {
        o.put("L", run.depth());
        o.put("argmax_alpha", run.sweep().bestAlpha());
        o.put("argmax_L_alpha", run.depth() * run.sweep().bestAlpha());
        o.put("cosine_at_inverse_L", run.cosineAtInverseL());
        o.put("relative_error_at_inverse_L", PowerSweep.relativeError(run.cosineAtInverseL()));
        o.put("best_cosine", run.sweep().bestCosine());
        o.put("balancedness", run.last().balancedness());
        o.put("train_loss", run.last().loss());
    }

    static List<DeepLinear.Run> select(List<DeepLinear.Run> runs, DeepLinear.Model model, int rank, DeepLinear.Init init,
                                       boolean decay) {
        return runs.stream().filter(x -> x.model() == model && x.rank() == rank && x.init() == init && x.decay() == decay).toList();
    }

    private static Map<String, double[][]> sweeps(List<DeepLinear.Run> runs, boolean timesDepth) {
        Map<String, double[][]> m = new LinkedHashMap<>();
        for (DeepLinear.Run run : runs) {
            double[] x = run.sweep().alphas().clone();
            for (int k = 0; timesDepth && k < x.length; k++) {
                x[k] *= run.depth();
            }
            m.put("L=" + run.depth(), new double[][]{x, run.sweep().cosines()});
        }
        return m;
    }

    private static double[][] trace(DeepLinear.Run run, ToDoubleFunction<DeepLinear.Point> f) {
        double[] x = new double[run.trace().size()];
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = run.trace().get(i).step();
            y[i] = f.applyAsDouble(run.trace().get(i));
        }
        return new double[][]{x, y};
    }

    private static double[][] indexed(double[] v, double power) {
        double[] x = new double[v.length];
        double[] y = new double[v.length];
        for (int k = 0; k < v.length; k++) {
            x[k] = k + 1;
            y[k] = Math.max(Math.pow(v[k], power), 1e-16);
        }
        return new double[][]{x, y};
    }

    /** Short legend name (chart legends cut long names): "bal L=3", "std+λ L=3". */
    private static String label(DeepLinear.Run run) {
        return (run.init() == DeepLinear.Init.BALANCED ? "bal" : "std") + (run.decay() ? "+λ" : "") + " L=" + run.depth();
    }

    private static String fixed(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String sci(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
