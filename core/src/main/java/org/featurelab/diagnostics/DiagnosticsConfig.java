package org.featurelab.diagnostics;

/**
 * What {@link NetworkDiagnostics#compute} evaluates.
 *
 * @param alphas    exponents α of the sweep ρ(WᵀW, AGOP^α); all positive
 * @param nfaAlpha  the α of the reported NFA correlation (½ in the Neural Feature Ansatz)
 * @param keepMatrices whether the records keep the matrices (NFM, AGOP, K, FACT, …) or only the scalars
 */
public record DiagnosticsConfig(double[] alphas, double nfaAlpha, boolean keepMatrices) {
    public DiagnosticsConfig {
        if (alphas.length == 0) {
            throw new IllegalArgumentException("diagnostics: empty α grid");
        }
        for (double a : alphas) {
            if (!(a > 0) || !Double.isFinite(a)) {
                throw new IllegalArgumentException("diagnostics: α must be positive and finite, got " + a);
            }
        }
        if (!(nfaAlpha > 0) || !Double.isFinite(nfaAlpha)) {
            throw new IllegalArgumentException("diagnostics: NFA α must be positive and finite, got " + nfaAlpha);
        }
        alphas = alphas.clone();
    }

    /** α ∈ {0.05, 0.10, …, 2.00}, NFA at α = ½, matrices kept. */
    public static DiagnosticsConfig defaults() {
        return new DiagnosticsConfig(grid(0.05, 2.0, 0.05), 0.5, true);
    }

    public DiagnosticsConfig withAlphas(double[] newAlphas) {
        return new DiagnosticsConfig(newAlphas, nfaAlpha, keepMatrices);
    }

    public DiagnosticsConfig withKeepMatrices(boolean keep) {
        return new DiagnosticsConfig(alphas, nfaAlpha, keep);
    }

    /** from, from + step, …, up to {@code to} (inclusive within round-off). */
    public static double[] grid(double from, double to, double step) {
        int count = (int) Math.floor((to - from) / step + 1e-9) + 1;
        double[] g = new double[count];
        for (int k = 0; k < count; k++) {
            g[k] = from + k * step;
        }
        return g;
    }

    @Override
    public double[] alphas() {
        return alphas.clone();
    }
}
