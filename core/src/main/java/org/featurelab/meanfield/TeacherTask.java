package org.featurelab.meanfield;

import org.featurelab.linalg.Matrix;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * A teacher y = g(x) with a known input distribution (../shared/REFERENCE.md §9): {@link SparseParity} or
 * {@link SingleIndexHe4}. Inputs are drawn row by row, coordinate by coordinate, from the generator passed in.
 */
public sealed interface TeacherTask permits TeacherTask.SparseParity, TeacherTask.SingleIndexHe4 {
    /** P inputs and their labels. */
    record Sample(Matrix inputs, double[] labels) {
    }

    /** d, the input dimension. */
    int dimension();

    /** The coordinates the teacher depends on, increasing. */
    int[] support();

    /** E_x[y²] in closed form (1 for parity, 4! = 24 for He₄), the normaliser of the order parameter. */
    double targetSecondMoment();

    /** P fresh inputs (P×d) from the task's input distribution. */
    Matrix sampleInputs(int p, RandomGenerator rng);

    /** The teacher's labels of the rows of {@code x} (P×d). */
    double[] labels(Matrix x);

    /**
     * P inputs then their labels.
     *
     * @throws IllegalArgumentException if P &lt; 1
     */
    default Sample sample(int p, RandomGenerator rng) {
        Matrix x = sampleInputs(p, rng);
        return new Sample(x, labels(x));
    }

    /** Checks P ≥ 1 (message names P). */
    static void requireSampleSize(int p) {
        if (p < 1) {
            throw new IllegalArgumentException("P must be >= 1, got " + p);
        }
    }

    /**
     * Sparse parity: x uniform on {±1}^d, y = χ_S(x) = Π_{i∈S} xᵢ with |S| = k.
     *
     * @param dimension d ≥ 1
     * @param support   S: k ≥ 1 distinct coordinates in [0, d), stored increasing
     */
    record SparseParity(int dimension, int[] support) implements TeacherTask {
        public SparseParity {
            if (dimension < 1) {
                throw new IllegalArgumentException("dimension d must be >= 1, got " + dimension);
            }
            if (support == null || support.length < 1) {
                throw new IllegalArgumentException("k must be >= 1, got " + (support == null ? 0 : support.length));
            }
            if (support.length > dimension) {
                throw new IllegalArgumentException("k must be <= d = " + dimension + ", got " + support.length);
            }
            support = support.clone();
            Arrays.sort(support);
            for (int i = 0; i < support.length; i++) {
                if (support[i] < 0 || support[i] >= dimension || (i > 0 && support[i] == support[i - 1])) {
                    throw new IllegalArgumentException("support must hold distinct coordinates in [0, " + dimension
                            + "), got " + Arrays.toString(support));
                }
            }
        }

        /** S = the first k coordinates {0, …, k−1}. */
        public static SparseParity firstCoordinates(int dimension, int k) {
            if (k < 1) {
                throw new IllegalArgumentException("k must be >= 1, got " + k);
            }
            if (k > dimension) {
                throw new IllegalArgumentException("k must be <= d = " + dimension + ", got " + k);
            }
            int[] s = new int[k];
            for (int i = 0; i < k; i++) {
                s[i] = i;
            }
            return new SparseParity(dimension, s);
        }

        /** k = |S|. */
        public int k() {
            return support.length;
        }

        @Override
        public int[] support() {
            return support.clone();
        }

        @Override
        public double targetSecondMoment() {
            return 1.0;
        }

        /** Each coordinate ±1 with probability ½ ({@code rng.nextBoolean()}). */
        @Override
        public Matrix sampleInputs(int p, RandomGenerator rng) {
            requireSampleSize(p);
            Matrix x = Matrix.zeros(p, dimension);
            double[] v = x.data();
            for (int i = 0; i < v.length; i++) {
                v[i] = rng.nextBoolean() ? 1.0 : -1.0;
            }
            return x;
        }

        /** χ_S(x_μ) = Π_{i∈S} x_μi for every row. */
        @Override
        public double[] labels(Matrix x) {
            requireDimension(x, dimension);
            double[] y = new double[x.rows()];
            double[] v = x.data();
            for (int mu = 0; mu < y.length; mu++) {
                double prod = 1;
                for (int i : support) {
                    prod *= v[mu * dimension + i];
                }
                y[mu] = prod;
            }
            return y;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof SparseParity s && s.dimension == dimension && Arrays.equals(s.support, support);
        }

        @Override
        public int hashCode() {
            return 31 * dimension + Arrays.hashCode(support);
        }

        @Override
        public String toString() {
            return "SparseParity[d=" + dimension + ", S=" + Arrays.toString(support) + "]";
        }
    }

    /**
     * Single-index target: x ~ N(0, I_d), y = He₄(w*ᵀx) with He₄(z) = z⁴ − 6z² + 3 (probabilists' Hermite,
     * E[He₄(z)²] = 4! for z ~ N(0, 1)) and w* = (1, 1, 0, …, 0)/√2 (‖w*‖ = 1).
     *
     * @param dimension d ≥ 2
     */
    record SingleIndexHe4(int dimension) implements TeacherTask {
        public SingleIndexHe4 {
            if (dimension < 2) {
                throw new IllegalArgumentException("dimension d must be >= 2, got " + dimension);
            }
        }

        /** He₄(z) = z⁴ − 6z² + 3. */
        public static double he4(double z) {
            double z2 = z * z;
            return z2 * z2 - 6 * z2 + 3;
        }

        @Override
        public int[] support() {
            return new int[] {0, 1};
        }

        @Override
        public double targetSecondMoment() {
            return 24.0;
        }

        /** Each coordinate N(0, 1) ({@code rng.nextGaussian()}). */
        @Override
        public Matrix sampleInputs(int p, RandomGenerator rng) {
            requireSampleSize(p);
            return Matrix.gaussian(p, dimension, 1.0, rng);
        }

        /** He₄((x_μ0 + x_μ1)/√2) for every row. */
        @Override
        public double[] labels(Matrix x) {
            requireDimension(x, dimension);
            double[] y = new double[x.rows()];
            double s = Math.sqrt(0.5);
            for (int mu = 0; mu < y.length; mu++) {
                y[mu] = he4(s * (x.get(mu, 0) + x.get(mu, 1)));
            }
            return y;
        }
    }

    private static void requireDimension(Matrix x, int d) {
        if (x.cols() != d) {
            throw new IllegalArgumentException("inputs are " + x.shape() + " but the task has d = " + d);
        }
    }
}
