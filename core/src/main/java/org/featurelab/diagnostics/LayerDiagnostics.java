package org.featurelab.diagnostics;

import org.featurelab.linalg.Matrix;

/**
 * Diagnostics of weight matrix ℓ over a sample set. Matrices are {@code null} when not kept
 * ({@link DiagnosticsConfig#keepMatrices()}) or not defined (centred NFM without an initial network; FACT with λ = 0).
 * Scalars that are not defined are NaN.
 *
 * @param index         layer ℓ (0 = first weight matrix)
 * @param nfm           W_ℓᵀW_ℓ
 * @param centredNfm    ΔW_ℓᵀΔW_ℓ, ΔW = W − W(0)
 * @param agop          AGOP_ℓ w.r.t. the layer input
 * @param ptkCovariance K_ℓ at the pre-activation
 * @param fact          FACT_ℓ
 * @param symmetricFact (FACT_ℓ·FACT_ℓᵀ)^½
 * @param bfact         bFACT_ℓ (compare with W_ℓW_ℓᵀ)
 * @param pearsonFact   ρ(WᵀW, FACT);  cosineFact the cosine
 * @param pearsonNfa    ρ(WᵀW, AGOP^α) at the configured NFA α;  cosineNfa the cosine
 * @param bestAlpha     argmax over the α grid of ρ(WᵀW, AGOP^α)
 * @param alphaSweep    the whole sweep
 * @param ucNfa         ρ(WᵀW, WᵀKW)
 * @param cNfa          ρ(ΔWᵀΔW, ΔWᵀKΔW)
 * @param factRelativeError ‖FACT − WᵀW‖_F / ‖WᵀW‖_F (0 at a stationary point)
 * @param balancedness  ‖W_{ℓ+1}ᵀW_{ℓ+1} − W_ℓW_ℓᵀ‖_F (NaN for the last layer)
 */
public record LayerDiagnostics(int index, Matrix nfm, Matrix centredNfm, Matrix agop, Matrix ptkCovariance,
                               Matrix fact, Matrix symmetricFact, Matrix bfact,
                               double pearsonFact, double cosineFact, double pearsonNfa, double cosineNfa,
                               double bestAlpha, Correlations.AlphaSweep alphaSweep, double ucNfa, double cNfa,
                               double factRelativeError, double balancedness) {
}
