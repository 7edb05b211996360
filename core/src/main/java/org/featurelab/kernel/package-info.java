/**
 * Kernels with a learned metric M (Laplace, Gaussian, product-Laplace; full or diagonal M), Gram blocks and
 * predictor gradients built from GEMMs, and kernel ridge regression. Bases are immutable; a training-Gram pass
 * returns its by-products as a {@link org.featurelab.kernel.TrainingGram} value. Depends on {@code linalg} only.
 */
package org.featurelab.kernel;
