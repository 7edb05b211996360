package org.featurelab.experiment.deeplinear;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.featurelab.experiment.ExperimentReport;
import org.featurelab.report.LineChart;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report sections of {@link OptimizerAxis}: {@code optimizer_axis} (one object per run: optimizer, target, rank,
 * weight_decay, L, cosine and pearson of W₁ᵀW₁ with AGOP^{1/L}, argmax_alpha and argmax_L_alpha of the α̃-sweep,
 * theorem_relative_residual ‖AGOP − (W₁ᵀW₁)^L‖/‖AGOP‖ (linear chain only), balancedness, train_loss (mean ½(f − y)²
 * without the decay term), test_loss) and {@code spectra} (Figure 4: per rank r the leading eigenvalues of W₁ᵀW₁ and
 * of the target's AGOP, and the gaps σ_r/σ_{r+1} of both, {@link OptimizerAxis#gap}).
 */
final class AxisReport {
    private AxisReport() {
    }

    static void report(ExperimentReport r, OptimizerAxis.Config config, List<OptimizerAxis.Run> axis,
                       List<OptimizerAxis.Run> spectra) {
        ObjectNode c = r.config().putObject("optimizer_axis");
        c.put("samples", config.samples());
        ArrayNode d = c.putArray("depths");
        for (int l : config.depths()) {
            d.add(l);
        }
        ArrayNode w = c.putArray("decays");
        for (double v : config.decays()) {
            w.add(v);
        }
        c.put("steps", config.steps());
        c.put("gd_sgd_learning_rate", config.gdRate());
        c.put("sgd_batch_size", config.batchSize());
        c.put("adam_learning_rate", config.adamRate());
        c.put("init_scale", config.initScale());
        c.put("spectra_init_scale", config.spectraInitScale());
        c.put("link_rank", config.linkRank());
        c.put("spectra_depth", OptimizerAxis.spectraDepth(config));
        ArrayNode a = r.summary().putArray("optimizer_axis");
        for (OptimizerAxis.Run run : axis) {
            ObjectNode o = a.addObject();
            o.put("optimizer", run.kind().name().toLowerCase(Locale.ROOT));
            o.put("target", run.target() == OptimizerAxis.Target.LINEAR ? "linear" : "gaussian_link");
            o.put("rank", run.rank());
            o.put("weight_decay", run.decay());
            o.put("L", run.depth());
            o.put("cosine", run.cosine());
            o.put("pearson", run.pearson());
            o.put("argmax_alpha", run.argmaxAlpha());
            o.put("argmax_L_alpha", run.depth() * run.argmaxAlpha());
            o.put("theorem_relative_residual", run.theoremRelative());
            o.put("balancedness", run.balancedness());
            o.put("train_loss", run.trainLoss());
            o.put("test_loss", run.testLoss());
        }
        ArrayNode s = r.summary().putArray("spectra");
        Map<String, double[][]> sv = new LinkedHashMap<>();
        for (OptimizerAxis.Run run : spectra) {
            ObjectNode o = s.addObject();
            o.put("rank", run.rank());
            o.put("L", run.depth());
            o.put("weight_decay", run.decay());
            o.put("gap_nfm", OptimizerAxis.gap(run.nfmEigenvalues(), run.rank()));
            o.put("gap_target_agop", OptimizerAxis.gap(run.targetAgopEigenvalues(), run.rank()));
            o.put("cosine", run.cosine());
            o.put("test_loss", run.testLoss());
            int k = Math.min(run.nfmEigenvalues().length, run.rank() + 4);
            ArrayNode n = o.putArray("nfm_eigenvalues");
            ArrayNode t = o.putArray("target_agop_eigenvalues");
            for (int i = 0; i < k; i++) {
                n.add(run.nfmEigenvalues()[i]);
                t.add(run.targetAgopEigenvalues()[i]);
            }
            sv.put("W₁ᵀW₁ r=" + run.rank(), normalised(run.nfmEigenvalues()));
            sv.put("target AGOP r=" + run.rank(), normalised(run.targetAgopEigenvalues()));
        }
        r.plot("spectra.png", "Figure 4: eigenvalues (= singular values) of W₁ᵀW₁ and of the target's AGOP, each divided by its "
                        + "largest, for Gaussian-link targets of rank r (ReLU head, GD, λ = max of the axis; log scale, floored at 1e-16)",
                LineChart.pngBytesLogY("Spectra: W₁ᵀW₁ and target AGOP", "k", "σ_k / σ_1", sv));
        int mainDepth = config.depths()[config.depths().length - 1];
        for (OptimizerAxis.Target target : OptimizerAxis.Target.values()) {
            Map<String, double[][]> m = new LinkedHashMap<>();
            for (OptimizerAxis.Kind kind : OptimizerAxis.Kind.values()) {
                List<OptimizerAxis.Run> sel = axis.stream()
                        .filter(x -> x.kind() == kind && x.target() == target && x.depth() == mainDepth).toList();
                double[] xs = new double[sel.size()];
                double[] ys = new double[sel.size()];
                for (int i = 0; i < xs.length; i++) {
                    xs[i] = i;
                    ys[i] = sel.get(i).cosine();
                }
                m.put(kind.name().toLowerCase(Locale.ROOT), new double[][]{xs, ys});
            }
            String name = target == OptimizerAxis.Target.LINEAR ? "linear" : "gaussian_link";
            r.plot("optimizer_axis_" + name + ".png", "cos(W₁ᵀW₁, AGOP^{1/L}) at L = " + mainDepth + " against the weight-decay "
                            + "index (0, 1, 2 ↔ λ = " + java.util.Arrays.toString(config.decays()) + "), per optimiser; target " + name,
                    LineChart.pngBytes("Alignment vs weight decay (" + name + ", L=" + mainDepth + ")", "λ index", "cosine", m));
        }
    }

    private static double[][] normalised(double[] eig) {
        double top = Math.max(eig[0], Double.MIN_NORMAL);
        int k = Math.min(eig.length, 8);
        double[] x = new double[k];
        double[] y = new double[k];
        for (int i = 0; i < k; i++) {
            x[i] = i + 1;
            y[i] = Math.max(eig[i] / top, 1e-16);
        }
        return new double[][]{x, y};
    }
}
