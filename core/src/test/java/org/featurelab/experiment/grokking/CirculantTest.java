package org.featurelab.experiment.grokking;

import org.featurelab.linalg.Matrix;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CirculantTest {
    /** A 2p×2p matrix whose four blocks are circulant in the task's group order, written in natural order. */
    private static Matrix blockCirculant(ModularArithmetic task, long seed) {
        int p = task.p();
        int start = task.groupStart();
        int m = p - start;
        int[] order = task.groupOrder();
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
                        out.set(bi * p + order[start + i], bj * p + order[start + j], first[Math.floorMod(j - i, m)]);
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
        int[] order = mul.groupOrder();
        for (int k = 0; k < 11; k++) {
            for (int l = 0; l < 11; l++) {
                assertEquals(m.get(order[k], 11 + order[l]), r.get(k, 11 + l));
                assertEquals(m.get(11 + order[k], order[l]), r.get(11 + k, l));
            }
        }
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

    /** Fourier features shared by both operands give an exactly block-circulant M. */
    @Test
    void fourierFeatureMatricesAreBlockCirculant() {
        ModularArithmetic add = new ModularArithmetic(ModularArithmetic.Op.ADD, 11);
        Matrix m = Matrix.zeros(22, 22);
        for (int k : new int[]{1, 3}) {
            double w = 2 * Math.PI * k / 11;
            double[] u = new double[22];
            double[] v = new double[22];
            for (int i = 0; i < 11; i++) {
                u[i] = Math.cos(w * i);
                u[11 + i] = Math.cos(w * i);
                v[i] = Math.sin(w * i);
                v[11 + i] = Math.sin(w * i);
            }
            for (int i = 0; i < 22; i++) {
                for (int j = 0; j < 22; j++) {
                    m.set(i, j, m.get(i, j) + k * (u[i] * u[j] + v[i] * v[j]));
                }
            }
        }
        assertEquals(0, Circulant.deviation(m, add), 1e-13);
    }
}
