package org.featurelab.experiment.deeplinear;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.featurelab.base.Progress;
import org.featurelab.experiment.ExperimentReport;
import org.featurelab.experiment.PowerSweep;
import org.featurelab.report.HeatMap;
import org.featurelab.report.LineChart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code featurelab experiment counterexample}: runs {@link Counterexample} and reports {@code train_loss} (final
 * objective 𝓛 = mean ½(f − y)² + (λ/2)‖θ‖²), {@code test_loss}, {@code cosine_nfa} ({@code best} max over
 * α ∈ [0.25, 2] of cos(WᵀW, AGOP^α), its {@code alpha}, and {@code at_half}), {@code relative_error_nfa}
 * ({@code min} over the same α of min_s ‖WᵀW/s − AGOP^α‖_F/‖AGOP^α‖_F = √(1 − cos²), its {@code alpha},
 * {@code at_half}), {@code exact_fit} (the same two numbers for WᵀW = I₂ against [[½, ¼], [¼, ½]]),
 * {@code cosine_block_alpha_to_0} (cos of the WᵀW block with I₂, the α → 0 limit of the AGOP block's power) and the 2×2 blocks {@code nfm_block},
 * {@code agop_block}, and {@code narrow_width} (the same cosine and error at m = 2 for five seeds, {@link #narrow}).
 * Plots: loss curve (log y), WᵀW and AGOP heat maps (d×d), cosine and relative error against α.
 */
public final class CounterexampleExperiment {
    /** The claim reproduced. */
    public static final String CLAIM = "Claim (Tansley, Massart & Cartis 2025): the NFA can fail for nonlinear networks that fit "
            + "the data: a two-layer ReLU network fits f*(x) = [x₁]₊ + [x₂]₊ to near-zero training loss, but its WᵀW is "
            + "(nearly) diagonal on the (x₁, x₂) block while the AGOP block is [[½, ¼], [¼, ½]], so no power AGOP^α matches WᵀW.";

    private CounterexampleExperiment() {
    }

    /** Narrow-width seeds per run. */
    public static final int NARROW_SEEDS = 5;

    /** Trains (the configured width and {@link #NARROW_SEEDS} narrow runs) and builds the report. */
    public static ExperimentReport run(Counterexample.Config config, Progress progress) {
        ExperimentReport r = report(config, Counterexample.run(config, progress));
        narrow(r, Counterexample.narrow(config, NARROW_SEEDS, progress));
        return r;
    }

    /**
     * {@code narrow_width}: per seed at m = 2, train_loss, {@code fitted} (loss &lt; {@link Counterexample#FIT_THRESHOLD}),
     * best cosine and its α, the relative (exact-equality) error there, cosine and relative error at α = ½ and the WᵀW
     * block's off-diagonal ratio; plus, over the fitted seeds, the smallest cosine and the smallest relative error.
     */
    static void narrow(ExperimentReport r, List<Counterexample.Result> runs) {
        ObjectNode n = r.summary().putObject("narrow_width");
        n.put("width", Counterexample.NARROW_WIDTH);
        ArrayNode a = n.putArray("seeds");
        double minCos = Double.POSITIVE_INFINITY;
        double minErr = Double.POSITIVE_INFINITY;
        int fitted = 0;
        for (Counterexample.Result res : runs) {
            PowerSweep.Result s = res.sweep();
            int half = indexOf(s.alphas(), 0.5);
            double[][] b = Counterexample.block(res.nfm());
            boolean fit = res.last().objective() < Counterexample.FIT_THRESHOLD;
            ObjectNode o = a.addObject();
            o.put("train_loss", res.last().objective());
            o.put("fitted", fit);
            o.put("best_cosine", s.bestCosine());
            o.put("alpha", s.bestAlpha());
            o.put("relative_error_at_best", s.bestRelativeError());
            o.put("cosine_at_half", s.cosines()[half]);
            o.put("relative_error_at_half", s.relativeErrors()[half]);
            o.put("nfm_block_offdiag_ratio", b[0][1] / Math.sqrt(b[0][0] * b[1][1]));
            if (fit) {
                fitted++;
                minCos = Math.min(minCos, s.bestCosine());
                minErr = Math.min(minErr, s.bestRelativeError());
            }
        }
        n.put("fitted_seeds", fitted);
        if (fitted > 0) {
            n.put("fitted_min_best_cosine", minCos);
            n.put("fitted_min_relative_error", minErr);
        }
        r.note(String.format(Locale.ROOT, "Narrow width m = %d (%d seeds, %d fit exactly): over the fitted seeds the best cosine is "
                + "≥ %.4f while the exact-equality error min_s,α ‖WᵀW/s − AGOP^α‖/‖AGOP^α‖ stays ≥ %.3f — a high cosine "
                + "does not mean WᵀW equals a power of the AGOP.", Counterexample.NARROW_WIDTH, runs.size(), fitted,
                fitted > 0 ? minCos : Double.NaN, fitted > 0 ? minErr : Double.NaN));
    }

    static ExperimentReport report(Counterexample.Config config, Counterexample.Result res) {
        ExperimentReport r = new ExperimentReport("counterexample", CLAIM);
        ObjectNode c = r.config();
        c.put("dim", config.dim());
        c.put("samples", config.samples());
        c.put("width", config.width());
        c.put("initScale", config.initScale());
        c.put("optimizer", "adam");
        c.put("learningRate", config.learningRate());
        c.put("steps", config.steps());
        c.put("weightDecay", config.weightDecay());
        c.put("seed", config.seed());
        PowerSweep.Result s = res.sweep();
        int half = indexOf(s.alphas(), 0.5);
        ObjectNode sum = r.summary();
        sum.put("train_loss", res.last().objective());
        sum.put("train_data_loss", res.last().dataLoss());
        sum.put("test_loss", res.testLoss());
        ObjectNode cos = sum.putObject("cosine_nfa");
        cos.put("best", s.bestCosine());
        cos.put("alpha", s.bestAlpha());
        cos.put("at_half", s.cosines()[half]);
        ObjectNode err = sum.putObject("relative_error_nfa");
        err.put("min", s.bestRelativeError());
        err.put("alpha", s.bestAlpha());
        err.put("at_half", s.relativeErrors()[half]);
        err.put("definition", "min over alpha in [0.25, 2] and s > 0 of ||W^T W / s - AGOP^alpha||_F / ||AGOP^alpha||_F"
                + " = sqrt(1 - cos^2)");
        ObjectNode exact = sum.putObject("exact_fit");
        exact.put("relative_error_nfa", exact(res).bestRelativeError());
        exact.put("alpha", exact(res).bestAlpha());
        exact.put("cosine_nfa", exact(res).bestCosine());
        sum.put("cosine_block_alpha_to_0", res.cosineAlphaToZero());
        putBlock(sum.putArray("nfm_block"), Counterexample.block(res.nfm()));
        putBlock(sum.putArray("agop_block"), Counterexample.block(res.agop()));
        double[][] nb = Counterexample.block(res.nfm());
        double[][] ab = Counterexample.block(res.agop());
        sum.put("nfm_block_offdiag_ratio", nb[0][1] / Math.sqrt(nb[0][0] * nb[1][1]));
        sum.put("agop_block_offdiag_ratio", ab[0][1] / Math.sqrt(ab[0][0] * ab[1][1]));
        sum.put("nfm_block_share", (nb[0][0] + nb[1][1]) / res.nfm().trace());
        for (Counterexample.Point p : res.trace()) {
            r.metric("train", p.step(), "objective", p.objective());
            r.metric("train", p.step(), "data_loss", p.dataLoss());
        }
        for (int k = 0; k < s.alphas().length; k++) {
            r.metric("sweep", s.alphas()[k], "cosine", s.cosines()[k]);
            r.metric("sweep", s.alphas()[k], "relative_error", s.relativeErrors()[k]);
        }
        r.table(List.of("quantity", "value"), List.of(
                List.of("final training loss 𝓛", sci(res.last().objective())),
                List.of("test loss (fresh samples)", sci(res.testLoss())),
                List.of("WᵀW block / √(diag product): off-diagonal", fixed(nb[0][1] / Math.sqrt(nb[0][0] * nb[1][1]))),
                List.of("AGOP block: off-diagonal / √(diag product) (exact: ½)", fixed(ab[0][1] / Math.sqrt(ab[0][0] * ab[1][1]))),
                List.of("best cos(WᵀW, AGOP^α), α ∈ [0.25, 2]", fixed(s.bestCosine()) + " at α = " + s.bestAlpha()),
                List.of("min relative error √(1 − cos²)", fixed(s.bestRelativeError())),
                List.of("relative error at α = ½", fixed(s.relativeErrors()[half])),
                List.of("exact fit (I₂ vs [[½,¼],[¼,½]]): min relative error", fixed(exact(res).bestRelativeError())),
                List.of("cos(WᵀW block, I₂): the block's α → 0 limit", fixed(res.cosineAlphaToZero()))));
        r.note(String.format(Locale.ROOT, "x ~ N(0, I_%d), n = %d, two-layer ReLU network with %d hidden units and biases, standard "
                        + "init ×%s, full-batch Adam η = %s for %d steps, λ = %s. AGOP over the training rows of the trained network. "
                        + "The relative error is the exact-equality error after the best scale s; α ≥ 0.25 because AGOP^α tends to "
                        + "the range projector (identity on the block, which a balanced exact fit matches) as α → 0.",
                config.dim(), config.samples(), config.width(), config.initScale(), config.learningRate(), config.steps(),
                config.weightDecay()));
        double[] steps = new double[res.trace().size()];
        double[] loss = new double[steps.length];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = res.trace().get(i).step();
            loss[i] = Math.max(res.trace().get(i).objective(), 1e-300);
        }
        r.plot("loss.png", "Training loss 𝓛 per step (log scale)",
                LineChart.pngBytesLogY("Training loss", "step", "𝓛", Map.of("train", new double[][]{steps, loss})));
        List<String> labels = new ArrayList<>();
        for (int j = 0; j < config.dim(); j++) {
            labels.add("x" + (j + 1));
        }
        r.plot("nfm.png", "WᵀW of the trained network (d×d): (nearly) diagonal on the (x₁, x₂) block",
                HeatMap.pngBytes(res.nfm(), labels, labels, "WᵀW"));
        r.plot("agop.png", "AGOP of the trained network (d×d): off-diagonal ≈ ¼ on the (x₁, x₂) block",
                HeatMap.pngBytes(res.agop(), labels, labels, "AGOP"));
        Map<String, double[][]> sweep = new LinkedHashMap<>();
        sweep.put("cos(WᵀW, AGOP^α)", new double[][]{s.alphas(), s.cosines()});
        sweep.put("relative error √(1 − cos²)", new double[][]{s.alphas(), s.relativeErrors()});
        sweep.put("exact fit: relative error", new double[][]{exact(res).alphas(), exact(res).relativeErrors()});
        r.plot("alpha_sweep.png", "Cosine and relative error between WᵀW and AGOP^α against α",
                LineChart.pngBytes("WᵀW vs AGOP^α", "α", "value", sweep));
        return r;
    }

    private static PowerSweep.Result exact(Counterexample.Result res) {
        return res.exactFitSweep();
    }

    private static int indexOf(double[] grid, double value) {
        int best = 0;
        for (int k = 1; k < grid.length; k++) {
            if (Math.abs(grid[k] - value) < Math.abs(grid[best] - value)) {
                best = k;
            }
        }
        return best;
    }

    private static void putBlock(ArrayNode a, double[][] b) {
        for (double[] row : b) {
            ArrayNode r = a.addArray();
            for (double v : row) {
                r.add(v);
            }
        }
    }

    private static String fixed(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private static String sci(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
