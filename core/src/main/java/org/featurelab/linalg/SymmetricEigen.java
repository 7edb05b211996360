package org.featurelab.linalg;

/**
 * Eigendecomposition A = V·diag(λ)·Vᵀ of a real symmetric matrix (LAPACK dsyevd, divide and conquer).
 * Eigenvalues ascend; column j of {@link #vectors()} is the unit eigenvector of {@code values()[j]}.
 * Cost about 9n³ flops (with vectors).
 */
public final class SymmetricEigen {
    private final double[] values;
    private final Matrix vectors;

    private SymmetricEigen(double[] values, Matrix vectors) {
        this.values = values;
        this.vectors = vectors;
    }

    /** Decomposes {@code a}, which is read but not modified; only its upper triangle is used. */
    public static SymmetricEigen of(Matrix a) {
        if (a.rows() != a.cols()) {
            throw new IllegalArgumentException("eigen: matrix is " + a.shape() + ", not square");
        }
        a.requireFinite("eigen");
        int n = a.rows();
        double[] work = a.data().clone();
        double[] w = new double[n];
        int info = Blas.syevdInPlace(n, work, w);
        if (info != 0) {
            throw new ArithmeticException("eigen: LAPACK dsyevd failed to converge (info " + info + ") on a " + a.shape() + " matrix");
        }
        // row j of the row-major array is eigenvector j; transpose so that columns are eigenvectors
        return new SymmetricEigen(w, Matrix.wrap(n, n, work).transpose());
    }

    /** Eigenvalues in ascending order (a copy). */
    public double[] values() {
        return values.clone();
    }

    /** Orthogonal matrix whose column j is the eigenvector of eigenvalue j (a copy). */
    public Matrix vectors() {
        return vectors.copy();
    }

    /** V·diag(g(λ))·Vᵀ for a function g applied to every eigenvalue. */
    public Matrix reconstruct(java.util.function.DoubleUnaryOperator g) {
        double[] s = new double[values.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = g.applyAsDouble(values[i]);
        }
        Matrix vs = vectors.copy();
        vs.scaleColumnsInPlace(s);
        Matrix out = vs.timesTranspose(vectors);
        out.symmetrizeInPlace();
        return out;
    }
}
