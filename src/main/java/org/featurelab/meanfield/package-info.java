/**
 * The mean-field theory of feature learning in two-layer networks trained with stochastic gradient Langevin dynamics
 * (Göring, Mingard, Nam &amp; Louis 2025; ../shared/REFERENCE.md §9; docs/mean-field.md): the network
 * f(x) = N^{−γ} Σᵢ aᵢ φ(wᵢᵀx) with Gaussian {@link org.featurelab.meanfield.Priors}, its full-batch SGLD sampler, the
 * tasks (sparse parity, single-index He₄) and their measures, the infinite-width (NNGP kernel ridge) limit and the
 * single-neuron marginal of the mean-field solver.
 *
 * <p>Depends on {@code base}, {@code linalg} and {@code scoring}; used by {@code speed}, {@code experiment} and
 * {@code cli}.
 */
package org.featurelab.meanfield;
