/**
 * Per-layer feature diagnostics of {@link org.featurelab.nn.Network}s over a sample set X (n×d, row-major),
 * for weight matrix W_ℓ (out×in) with input H_ℓ and pre-activation U_ℓ = H_ℓW_ℓᵀ + b_ℓ:
 * <pre>
 *   NFM_ℓ  = W_ℓᵀW_ℓ,  centred: ΔW_ℓᵀΔW_ℓ with ΔW = W − W(0)
 *   AGOP_ℓ = (1/n) Σᵢ Σ_c ∇_{h_ℓ}f_c(xᵢ) ∇_{h_ℓ}f_c(xᵢ)ᵀ         (gradient w.r.t. the layer INPUT)
 *   K_ℓ    = Σᵢ Σ_c ∇_{u_ℓ}f_c(xᵢ) ∇_{u_ℓ}f_c(xᵢ)ᵀ,   AGOP_ℓ = W_ℓᵀK_ℓW_ℓ / n
 *   FACT_ℓ = −(1/(nλ)) Σᵢ ∇_{h_ℓ}ℓᵢ · h_ℓ(xᵢ)ᵀ                   (ℓᵢ the per-sample loss, no 1/n inside)
 *   bFACT_ℓ = −(1/(nλ)) Σᵢ (W_ℓh_ℓ(xᵢ)) ∇_{u_ℓ}ℓᵢᵀ,  symmetric form (FACT_ℓ·FACT_ℓᵀ)^½
 *   UC-NFA = ρ(WᵀW, WᵀKW),  C-NFA = ρ(ΔWᵀΔW, ΔWᵀKΔW),  balancedness ‖W_{ℓ+1}ᵀW_{ℓ+1} − W_ℓW_ℓᵀ‖_F
 * </pre>
 * Correlations ({@link org.featurelab.diagnostics.Correlations}): Pearson over all entries (mean-subtracted) and
 * cosine ⟨A,B⟩_F/(‖A‖‖B‖); the α-sweep ρ(WᵀW, AGOP^α) with its argmax.
 * At a stationary point of the coupled objective W_ℓᵀW_ℓ = FACT_ℓ and W_ℓW_ℓᵀ = bFACT_ℓ exactly; for a balanced
 * deep linear network of depth L, W_1ᵀW_1 = AGOP_0^{1/L}. Centred alignment (Beaglehole et al.):
 * {@link org.featurelab.diagnostics.CentredAlignment} (per layer, readout K = n·I so its C-NFA is 1; hidden-layer
 * means), {@link org.featurelab.diagnostics.SpectrumControl} (K' = QΛQᵀ, Q Haar) and
 * {@link org.featurelab.diagnostics.EarlyCentredNfa} (the one-step prediction ρ(BᵀΘB, BᵀΘ²B) from the PTK at init).
 *
 * <p>Layer: after {@code nn}; pure computation returning records, no I/O (sinks live in later layers).
 */
package org.featurelab.diagnostics;
