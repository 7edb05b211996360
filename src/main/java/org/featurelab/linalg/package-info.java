/**
 * Dense linear algebra on the native OpenBLAS/LAPACK: one row-major matrix type ({@link org.featurelab.linalg.Matrix}),
 * GEMM/SYRK, Cholesky and LU solves, symmetric eigendecomposition and PSD matrix powers. All native calls go
 * through {@link org.featurelab.linalg.Blas}. The precision policy {@link org.featurelab.linalg.Precision} resolves
 * to the {@link org.featurelab.linalg.Arithmetic} that the solves and GEMMs with a float32 variant are given.
 * The foundation layer: imports nothing else from featurelab.
 */
package org.featurelab.linalg;
