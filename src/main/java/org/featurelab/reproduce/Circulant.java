package org.featurelab.reproduce;

import org.featurelab.linalg.Matrix;

/**
 * Block-circulant structure of a grokking feature matrix M ∈ R^{2p×2p} (blocks M_aa, M_ab, M_ba, M_bb of size p×p).
 *
 * <p>Shifting one operand by a group element only permutes the outputs, and shifting a by s and b by the inverse
 * of s (add, mul) or by s (sub, div) leaves them unchanged, so a predictor that has learned the task makes each block
 * circulant once a's residues are in group order ({@link ModularArithmetic#groupOrder()}) and b's in the matching
 * order ({@link ModularArithmetic#secondOperandOrder()}): entry (i, j) depends only on (j − i) mod m. (In the raw
 * order the M_ab block of addition is therefore a Hankel matrix, constant along anti-diagonals.) The deviation of a block B is measured against its
 * projection C(B) onto circulant matrices (the mean of each wrapped diagonal):
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
        int[][] orders = {task.groupOrder(), task.secondOperandOrder()};
        int start = task.groupStart();
        int size = p - start;
        double residual = 0;
        double total = 0;
        for (int bi = 0; bi < 2; bi++) {
            for (int bj = 0; bj < 2; bj++) {
                double[] diagonalMean = new double[size];
                for (int i = 0; i < size; i++) {
                    for (int j = 0; j < size; j++) {
                        diagonalMean[Math.floorMod(j - i, size)] += entry(m, p, orders, start, bi, bj, i, j);
                    }
                }
                for (int k = 0; k < size; k++) {
                    diagonalMean[k] /= size;
                }
                for (int i = 0; i < size; i++) {
                    for (int j = 0; j < size; j++) {
                        double v = entry(m, p, orders, start, bi, bj, i, j);
                        double r = v - diagonalMean[Math.floorMod(j - i, size)];
                        residual += r * r;
                        total += v * v;
                    }
                }
            }
        }
        return total > 0 ? Math.sqrt(residual / total) : 0;
    }

    private static double entry(Matrix m, int p, int[][] orders, int start, int bi, int bj, int i, int j) {
        return m.get(bi * p + orders[bi][start + i], bj * p + orders[bj][start + j]);
    }

    /** M with a's rows and columns in group order and b's in the matching order (for the reordered image). */
    public static Matrix reorder(Matrix m, ModularArithmetic task) {
        int p = task.p();
        int[] orderA = task.groupOrder();
        int[] orderB = task.secondOperandOrder();
        int[] index = new int[2 * p];
        for (int k = 0; k < p; k++) {
            index[k] = orderA[k];
            index[p + k] = p + orderB[k];
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
