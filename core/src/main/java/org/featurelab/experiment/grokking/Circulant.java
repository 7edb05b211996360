package org.featurelab.experiment.grokking;

import org.featurelab.linalg.Matrix;

/**
 * Block-circulant structure of a grokking feature matrix M ∈ R^{2p×2p} (blocks M_aa, M_ab, M_ba, M_bb of size p×p).
 *
 * <p>An RFM that has grokked uses Fourier features of the group (Mallinar et al.): with residues in group order
 * (see {@link ModularArithmetic#groupOrder()}), M ≈ Σ_k (u_k u_kᵀ + w_k w_kᵀ) with u_k = [cos(ω_k i) ; cos(ω_k j)] and
 * w_k = [sin(ω_k i) ; sin(ω_k j)] over the a-index i and b-index j, so every block, M_ab included, depends only on
 * (j − i) mod m: it is circulant (for addition this is visible in the raw order). The deviation of a block B is
 * measured against its projection C(B) onto circulant matrices (the mean of each wrapped diagonal):
 * <pre>
 *   deviation(M) = sqrt( Σ_blocks ‖B − C(B)‖²_F ) / sqrt( Σ_blocks ‖B‖²_F )  ∈ [0, 1]
 * </pre>
 * 0 means exactly block-circulant; for mul/div only the residues of the cyclic group Z_p \ {0} enter (m = p − 1).
 */
public final class Circulant {
    private Circulant() {
    }

    /** The deviation of M from block-circulant structure in the task's group order; see the class comment. */
    public static double deviation(Matrix m, ModularArithmetic task) {
        int p = task.p();
        if (m.rows() != 2 * p || m.cols() != 2 * p) {
            throw new IllegalArgumentException("circulant deviation: M is " + m.shape() + ", expected " + 2 * p + "x" + 2 * p);
        }
        int[] order = task.groupOrder();
        int start = task.groupStart();
        int size = p - start;
        double residual = 0;
        double total = 0;
        for (int bi = 0; bi < 2; bi++) {
            for (int bj = 0; bj < 2; bj++) {
                double[] diagonalMean = new double[size];
                for (int i = 0; i < size; i++) {
                    for (int j = 0; j < size; j++) {
                        diagonalMean[Math.floorMod(j - i, size)] += entry(m, p, order, start, bi, bj, i, j);
                    }
                }
                for (int k = 0; k < size; k++) {
                    diagonalMean[k] /= size;
                }
                for (int i = 0; i < size; i++) {
                    for (int j = 0; j < size; j++) {
                        double v = entry(m, p, order, start, bi, bj, i, j);
                        double r = v - diagonalMean[Math.floorMod(j - i, size)];
                        residual += r * r;
                        total += v * v;
                    }
                }
            }
        }
        return total > 0 ? Math.sqrt(residual / total) : 0;
    }

    private static double entry(Matrix m, int p, int[] order, int start, int bi, int bj, int i, int j) {
        return m.get(bi * p + order[start + i], bj * p + order[start + j]);
    }

    /** M with rows and columns of each operand block permuted into group order (for the reordered image). */
    public static Matrix reorder(Matrix m, ModularArithmetic task) {
        int p = task.p();
        int[] order = task.groupOrder();
        int[] index = new int[2 * p];
        for (int k = 0; k < p; k++) {
            index[k] = order[k];
            index[p + k] = p + order[k];
        }
        Matrix out = Matrix.zeros(2 * p, 2 * p);
        for (int i = 0; i < 2 * p; i++) {
            for (int j = 0; j < 2 * p; j++) {
                out.set(i, j, m.get(index[i], index[j]));
            }
        }
        return out;
    }
}
