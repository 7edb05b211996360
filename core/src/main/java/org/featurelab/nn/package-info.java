/**
 * Fully connected networks in float64 with explicit layer-wise forward and backward passes on the native BLAS
 * (no autograd).
 *
 * <h2>Conventions</h2>
 * <ul>
 *   <li>Batches are row-major: X is n×d, one sample per row; targets Y are n×c.</li>
 *   <li>Layer ℓ has weights W_ℓ of shape out×in, an optional bias b_ℓ (1×out) and an activation σ_ℓ
 *       ({@link org.featurelab.nn.Activation}: ReLU, identity, quadratic, tanh). With input H_ℓ (H_0 = X):
 *       U_ℓ = H_ℓ·W_ℓᵀ + 1·b_ℓ, H_{ℓ+1} = σ_ℓ(U_ℓ); networks from
 *       {@link org.featurelab.nn.Initialization} end with an identity layer;
 *       {@link org.featurelab.nn.Networks#deepLinearReluHead} builds f(x) = aᵀ[W_L⋯W_1x + b₁]₊ + b₂ from them.</li>
 *   <li>Losses ({@link org.featurelab.nn.Loss}): ℓᵢ = ½‖f(xᵢ) − yᵢ‖² (MSE, constant ½) or softmax cross-entropy;
 *       the training loss is their mean over samples.</li>
 *   <li>Objective ({@link org.featurelab.nn.Objective}): 𝓛(θ) = (1/n)Σᵢℓᵢ + (λ/2)‖θ‖² with coupled decay on
 *       weights <em>and</em> biases; ∂𝓛/∂W_ℓ = (1/n)Δ_ℓᵀH_ℓ + λW_ℓ with Δ_ℓ the per-sample ∂ℓᵢ/∂U_ℓ rows.</li>
 *   <li>{@link org.featurelab.nn.Network} and {@link org.featurelab.nn.Layer} are immutable by ownership: their
 *       matrices are never written after construction. Optimiser state lives in
 *       {@link org.featurelab.nn.OptimizerState}; randomness comes from explicit seeds/generators.</li>
 * </ul>
 *
 * <h2>Optimisers and FACT</h2>
 * {@link org.featurelab.nn.Optimizer.GradientDescent} and {@link org.featurelab.nn.Optimizer.SgdMomentum} follow
 * ∇𝓛 of the coupled objective, so their fixed points are stationary points of 𝓛, where
 * W_ℓᵀW_ℓ = FACT_ℓ = −(1/(nλ)) Σᵢ ∇_{h_ℓ}ℓᵢ·h_ℓ(xᵢ)ᵀ holds exactly. (A decoupled-decay rule such as AdamW has other
 * fixed points, where FACT is not exact.)
 *
 * <p>Layer: uses {@code base} and {@code linalg}; used by {@code diagnostics}, {@code training}, {@code speed},
 * {@code experiment} and {@code cli}.
 */
package org.featurelab.nn;
