/**
 * The mean-field theory of feature learning in two-layer networks trained with stochastic gradient Langevin dynamics
 * (Göring, Mingard, Nam &amp; Louis 2025; ../shared/REFERENCE.md §9; docs/mean-field.md): the network
 * f(x) = N^{−γ} Σᵢ aᵢ φ(wᵢᵀx) with Gaussian {@link org.featurelab.meanfield.Priors}, its full-batch SGLD sampler, the
 * tasks (sparse parity, single-index He₄) and their measures, the infinite-width limit
 * ({@link org.featurelab.meanfield.NngpKernel}, {@link org.featurelab.meanfield.KernelLimit}: NNGP kernel ridge with
 * ridge κ²P/σ_a²), the single-neuron marginal with the readout integrated out
 * ({@link org.featurelab.meanfield.NeuronMarginal}: α, β, U) and the particle solver of the mean-field
 * self-consistency ({@link org.featurelab.meanfield.MeanFieldSolver}).
 *
 * <p>Depends on {@code base}, {@code linalg} and {@code scoring}; used by {@code speed}, {@code experiment} and
 * {@code cli}.
 */
package org.featurelab.meanfield;
