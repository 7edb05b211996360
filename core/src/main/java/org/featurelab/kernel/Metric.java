package org.featurelab.kernel;

import org.featurelab.linalg.Matrix;

/**
 * The learned feature matrix M of a Mahalanobis kernel, ‖u‖²_M = uᵀMu: either a full symmetric PSD d×d
 * matrix or a diagonal one stored as a vector (‖u‖²_M = Σ_j M_j u_j²).
 */
public sealed interface Metric extends java.io.Serializable permits Metric.Full, Metric.Diagonal {

    /** Input dimension d. */
    int dimension();

    /** X·M (n×d): the rows of X mapped by M. Cost 2·n·d² flops (full) or n·d (diagonal). */
    Matrix apply(Matrix x);

    /** M as a dense d×d matrix. */
    Matrix toMatrix();

    /** The identity metric of the given form. */
    static Metric identity(int d, boolean diagonal) {
        if (diagonal) {
            double[] ones = new double[d];
            java.util.Arrays.fill(ones, 1.0);
            return new Diagonal(ones);
        }
        return new Full(Matrix.identity(d));
    }

    /** Full symmetric d×d metric; the matrix is copied and must be square and finite. */
    record Full(Matrix m) implements Metric {
        public Full {
            if (m.rows() != m.cols()) {
                throw new IllegalArgumentException("metric: M is " + m.shape() + ", not square");
            }
            m = m.copy().requireFinite("metric");
        }

        @Override
        public int dimension() {
            return m.rows();
        }

        @Override
        public Matrix apply(Matrix x) {
            if (x.cols() != m.rows()) {
                throw new IllegalArgumentException("metric: X is " + x.shape() + ", M is " + m.shape());
            }
            return x.times(m);
        }

        @Override
        public Matrix toMatrix() {
            return m.copy();
        }

        /** M (a copy: the metric is immutable). */
        @Override
        public Matrix m() {
            return m.copy();
        }
    }

    /** Diagonal metric M = diag(m); entries copied, must be finite and non-negative. */
    record Diagonal(double[] m) implements Metric {
        public Diagonal {
            m = m.clone();
            for (int j = 0; j < m.length; j++) {
                if (!(m[j] >= 0) || !Double.isFinite(m[j])) {
                    throw new IllegalArgumentException("metric: diagonal entry " + j + " is " + m[j]
                            + "; must be finite and non-negative");
                }
            }
        }

        @Override
        public int dimension() {
            return m.length;
        }

        @Override
        public Matrix apply(Matrix x) {
            if (x.cols() != m.length) {
                throw new IllegalArgumentException("metric: X is " + x.shape() + ", M is diagonal of length " + m.length);
            }
            Matrix out = x.copy();
            out.scaleColumnsInPlace(m);
            return out;
        }

        @Override
        public Matrix toMatrix() {
            return Matrix.diagonal(m);
        }

        @Override
        public double[] m() {
            return m.clone();
        }
    }
}
