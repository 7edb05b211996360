/**
 * Kernels with a learned metric M (Laplace, Gaussian, product-Laplace; full or diagonal M), Gram blocks and
 * predictor gradients built from GEMMs, and kernel ridge regression. Depends on {@code linalg} only.
 */
package org.featurelab.kernel;
