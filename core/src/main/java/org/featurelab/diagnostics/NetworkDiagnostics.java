package org.featurelab.diagnostics;

import org.featurelab.linalg.Matrix;
import org.featurelab.linalg.PsdFunctions;
import org.featurelab.nn.Gradients;
import org.featurelab.nn.Network;
import org.featurelab.nn.Objective;

import java.util.ArrayList;
import java.util.List;

/**
 * Diagnostics of every layer of a network at one training step, with the objective 𝓛 and ‖∇𝓛‖ over the sample
 * set (to tell convergence). No I/O: sinks consume these records.
 */
public record NetworkDiagnostics(int step, double objective, double gradientNorm, List<LayerDiagnostics> layers) {
    public NetworkDiagnostics {
        layers = List.copyOf(layers);
    }

    /**
     * Evaluates all layers over the batch (X, Y).
     *
     * @param initial the network at step 0 for the centred NFM and C-NFA, or {@code null}
     */
    public static NetworkDiagnostics compute(int step, Network network, Network initial, Matrix x, Matrix y,
                                             Objective objective, DiagnosticsConfig config) {
        if (initial != null && !java.util.Arrays.equals(initial.widths(), network.widths())) {
            throw new IllegalArgumentException("diagnostics: initial network " + initial + " does not match " + network);
        }
        Gradients g = objective.gradients(network, x, y);
        LayerMatrices.OutputGradientMatrices og = LayerMatrices.outputGradients(network, x);
        boolean hasFact = objective.weightDecay() > 0;
        LayerMatrices.FactMatrices fm = hasFact ? LayerMatrices.fact(network, x, y, objective) : null;
        boolean keep = config.keepMatrices();
        List<LayerDiagnostics> out = new ArrayList<>();
        for (int l = 0; l < network.depth(); l++) {
            Matrix w = network.weights(l);
            Matrix nfm = LayerMatrices.nfm(w);
            Matrix agop = og.agop().get(l);
            Matrix k = og.ptkCovariance().get(l);
            Matrix agopNfa = PsdFunctions.power(agop, config.nfaAlpha());
            Correlations.AlphaSweep sweep = Correlations.alphaSweep(nfm, agop, config.alphas());
            double ucNfa = Correlations.pearson(nfm, w.transposeTimes(k).times(w));
            Matrix centred = null;
            double cNfa = Double.NaN;
            if (initial != null) {
                Matrix dw = w.minus(initial.weights(l));
                centred = dw.gramOfColumns();
                cNfa = Correlations.pearson(centred, dw.transposeTimes(k).times(dw));
            }
            Matrix fact = null;
            Matrix symFact = null;
            Matrix bfact = null;
            double pf = Double.NaN;
            double cf = Double.NaN;
            double relErr = Double.NaN;
            if (hasFact) {
                fact = fm.fact().get(l);
                bfact = fm.bfact().get(l);
                symFact = LayerMatrices.symmetricFact(fact);
                pf = Correlations.pearson(nfm, fact);
                cf = Correlations.cosine(nfm, fact);
                relErr = fact.minus(nfm).frobeniusNorm() / nfm.frobeniusNorm();
            }
            double balance = l + 1 < network.depth() ? LayerMatrices.balancedness(network, l) : Double.NaN;
            out.add(new LayerDiagnostics(l, keep ? nfm : null, keep ? centred : null, keep ? agop : null, keep ? k : null,
                    keep ? fact : null, keep ? symFact : null, keep ? bfact : null,
                    pf, cf, Correlations.pearson(nfm, agopNfa), Correlations.cosine(nfm, agopNfa),
                    sweep.bestAlpha(), sweep, ucNfa, cNfa, relErr, balance));
        }
        return new NetworkDiagnostics(step, g.objective(), g.norm(), out);
    }
}
