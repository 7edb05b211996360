package org.featurelab.experiment.grokking;

import org.featurelab.base.Permutations;
import org.featurelab.linalg.Matrix;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Modular arithmetic tasks of the grokking experiments: every pair (a, b) ∈ Z_p × Z_p (b ≠ 0 for division) with
 * label c = a ∘ b mod p; input x = [e_a ; e_b] ∈ R^{2p} (concatenated one-hots), target the one-hot e_c ∈ R^p.
 *
 * @param op the operation
 * @param p  a prime modulus (prime so that multiplication and division form a group on Z_p \ {0})
 */
public record ModularArithmetic(Op op, int p) {
    /** The operation a ∘ b mod p. */
    public enum Op {
        ADD, SUB, MUL, DIV;

        /** a ∘ b mod p; for DIV, a · b^{p−2} mod p (Fermat inverse), b ≠ 0. */
        public int apply(int a, int b, int p) {
            return switch (this) {
                case ADD -> (a + b) % p;
                case SUB -> Math.floorMod(a - b, p);
                case MUL -> (int) ((long) a * b % p);
                case DIV -> (int) ((long) a * power(b, p - 2, p) % p);
            };
        }

        /** Parses add, sub, mul or div. */
        public static Op parse(String s) {
            try {
                return valueOf(s.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown operation '" + s + "' (expected add, sub, mul or div)");
            }
        }

        /** Lower-case name. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public ModularArithmetic {
        if (op == null || p < 3 || !isPrime(p)) {
            throw new IllegalArgumentException("modular arithmetic: p must be a prime >= 3, got " + p);
        }
    }

    /** All pairs, in row-major (a, b) order, as inputs, one-hot targets and labels. */
    public Data all() {
        int rows = op == Op.DIV ? p * (p - 1) : p * p;
        Matrix x = Matrix.zeros(rows, 2 * p);
        Matrix y = Matrix.zeros(rows, p);
        int[] labels = new int[rows];
        int i = 0;
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                if (op == Op.DIV && b == 0) {
                    continue;
                }
                int c = op.apply(a, b, p);
                x.set(i, a, 1);
                x.set(i, p + b, 1);
                y.set(i, c, 1);
                labels[i++] = c;
            }
        }
        return new Data(x, y, labels);
    }

    /** Inputs, one-hot targets and labels of a set of pairs. */
    public record Data(Matrix x, Matrix y, int[] labels) {
        /** The rows at {@code index}. */
        public Data select(int[] index) {
            int[] l = new int[index.length];
            for (int k = 0; k < index.length; k++) {
                l[k] = labels[index[k]];
            }
            return new Data(x.selectRows(index), y.selectRows(index), l);
        }
    }

    /** A seeded random split of the pairs: ⌊fraction · rows⌉ train rows, the rest test rows (both sorted). */
    public static int[][] split(int rows, double fraction, long seed) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("train fraction must be in (0, 1), got " + fraction);
        }
        int[] perm = Permutations.identity(rows);
        Permutations.shuffleInPlace(perm, new SplittableRandom(seed));
        int nTrain = (int) Math.round(fraction * rows);
        int[] train = java.util.Arrays.copyOfRange(perm, 0, nTrain);
        int[] test = java.util.Arrays.copyOfRange(perm, nTrain, rows);
        java.util.Arrays.sort(train);
        java.util.Arrays.sort(test);
        return new int[][]{train, test};
    }

    /**
     * The order of residues in which the feature matrix's p×p blocks are circulant: 0, 1, …, p−1 for add/sub; for
     * mul/div, 0 first, then g⁰, g¹, …, g^{p−2} for the smallest primitive root g (discrete-log order), so that the
     * (p−1)×(p−1) part on Z_p \ {0} is circulant.
     */
    public int[] groupOrder() {
        int[] order = new int[p];
        if (op == Op.ADD || op == Op.SUB) {
            for (int k = 0; k < p; k++) {
                order[k] = k;
            }
            return order;
        }
        int g = primitiveRoot(p);
        long v = 1;
        order[0] = 0;
        for (int k = 1; k < p; k++) {
            order[k] = (int) v;
            v = v * g % p;
        }
        return order;
    }

    /** The first residue of {@link #groupOrder()} inside the cyclic group: 0 for add/sub, 1 for mul/div (skips 0). */
    public int groupStart() {
        return op == Op.ADD || op == Op.SUB ? 0 : 1;
    }

    static int primitiveRoot(int p) {
        for (int g = 2; g < p; g++) {
            long v = 1;
            int orderOfG = 0;
            do {
                v = v * g % p;
                orderOfG++;
            } while (v != 1);
            if (orderOfG == p - 1) {
                return g;
            }
        }
        return 1; // p = 2 only, excluded by the constructor
    }

    static long power(long b, long e, long m) {
        long r = 1;
        b %= m;
        while (e > 0) {
            if ((e & 1) == 1) {
                r = r * b % m;
            }
            b = b * b % m;
            e >>= 1;
        }
        return r;
    }

    static boolean isPrime(int p) {
        for (int k = 2; (long) k * k <= p; k++) {
            if (p % k == 0) {
                return false;
            }
        }
        return p >= 2;
    }
}
