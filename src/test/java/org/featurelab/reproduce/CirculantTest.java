package org.featurelab.reproduce;

import org.featurelab.linalg.Matrix;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CirculantTest {
    /** A 2p×2p matrix whose four blocks are circulant in the task's group order, written in natural order. */
    private static Matrix blockCirculant(ModularArithmetic task, long seed) {
        int p = task.p();
        int start = task.groupStart();
        int m = p - start;
        int[][] orders = {task.groupOrder(), task.secondOperandOrder()};
        SplittableRandom rng = new SplittableRandom(seed);
        Matrix out = Matrix.zeros(2 * p, 2 * p);
        for (int bi = 0; bi < 2; bi++) {
            for (int bj = 0; bj < 2; bj++) {
                double[] first = new double[m];
                for (int k = 0; k < m; k++) {
                    first[k] = rng.nextDouble();
                }
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < m; j++) {
                        out.set(bi * p + orders[bi][start + i], bj * p + orders[bj][start + j], first[Math.floorMod(j - i, m)]);
                    }
                }
            }
        }
        return out;
    }

    @Test
    void blockCirculantMatricesHaveZeroDeviationInGroupOrder() {
        for (ModularArithmetic.Op op : ModularArithmetic.Op.values()) {
            ModularArithmetic task = new ModularArithmetic(op, 11);
            assertEquals(0, Circulant.deviation(blockCirculant(task, 1), task), 1e-14, op.id());
            assertEquals(0, Circulant.deviation(Matrix.identity(22), task), 1e-15);
        }
    }

    @Test
    void multiplicationNeedsTheDiscreteLogOrder() {
        ModularArithmetic mul = new ModularArithmetic(ModularArithmetic.Op.MUL, 11);
        ModularArithmetic add = new ModularArithmetic(ModularArithmetic.Op.ADD, 11);
        Matrix m = blockCirculant(mul, 2);
        assertEquals(0, Circulant.deviation(m, mul), 1e-14);
        assertTrue(Circulant.deviation(m, add) > 0.1, "discrete-log circulant read in natural order");
        Matrix r = Circulant.reorder(m, mul);
        int[] a = mul.groupOrder();
        int[] b = mul.secondOperandOrder();
        for (int k = 0; k < 11; k++) {
            for (int l = 0; l < 11; l++) {
                assertEquals(m.get(a[k], 11 + b[l]), r.get(k, 11 + l));
                assertEquals(m.get(11 + b[k], a[l]), r.get(11 + k, l));
            }
        }
    }

    /** Addition's M_ab is a Hankel matrix in the raw order (constant on a + b): it counts as circulant. */
    @Test
    void additionsOffDiagonalBlockIsHankelInRawOrder() {
        ModularArithmetic add = new ModularArithmetic(ModularArithmetic.Op.ADD, 7);
        ModularArithmetic sub = new ModularArithmetic(ModularArithmetic.Op.SUB, 7);
        Matrix m = Matrix.identity(14);
        for (int i = 0; i < 7; i++) {
            for (int j = 0; j < 7; j++) {
                double h = Math.cos(2 * Math.PI * 2 * ((i + j) % 7) / 7.0);
                m.set(i, 7 + j, h);
                m.set(7 + j, i, h);
            }
        }
        assertEquals(0, Circulant.deviation(m, add), 1e-14);
        assertTrue(Circulant.deviation(m, sub) > 0.3, "a Hankel block read as circulant in (j - i)");
        assertArrayEquals(new int[]{0, 6, 5, 4, 3, 2, 1}, add.secondOperandOrder());
    }

    @Test
    void randomMatricesDeviateStrongly() {
        ModularArithmetic task = new ModularArithmetic(ModularArithmetic.Op.ADD, 13);
        SplittableRandom rng = new SplittableRandom(5);
        Matrix m = Matrix.zeros(26, 26);
        for (int i = 0; i < 26; i++) {
            for (int j = 0; j < 26; j++) {
                m.set(i, j, rng.nextDouble() - 0.5);
            }
        }
        // for i.i.d. zero-mean entries the residual keeps (m−1)/m of the energy: deviation ≈ sqrt(12/13) ≈ 0.96
        double dev = Circulant.deviation(m, task);
        assertTrue(dev > 0.85 && dev <= 1, "deviation " + dev);
    }
}
