/**
 * Dense linear algebra on the native OpenBLAS/LAPACK: one row-major matrix type ({@link org.featurelab.linalg.Matrix}),
 * GEMM/SYRK, Cholesky and LU solves, symmetric eigendecomposition and PSD matrix powers. All native calls go
 * through {@link org.featurelab.linalg.Blas}, whose reusable native buffers are
 * {@link org.featurelab.linalg.SolverWorkspace}'s; no other package touches {@code org.bytedeco}. The precision policy {@link org.featurelab.linalg.Precision} resolves
 * to the {@link org.featurelab.linalg.Arithmetic} that the solves and GEMMs with a float32 variant are given.
 * The foundation layer: may use only {@code base} (today it imports nothing from featurelab).
 */
package org.featurelab.linalg;
