package org.featurelab.partition;

import org.featurelab.linalg.Matrix;

import java.util.Arrays;

/**
 * The routing tree: a {@link Split} sends a row x to {@code left} when x·v ≤ τ and to {@code right} otherwise (hard
 * routing); a {@link Leaf} names the index of its RFM. Soft routing at temperature T &gt; 0 (xRFM) sends x left with
 * probability σ((τ − x·v)/(T·s)), s the split's scale, so that a leaf's weight is the product of the branch
 * probabilities on its path and the weights of all leaves sum to 1; T → 0 is hard routing. Immutable.
 */
public sealed interface PartitionTree extends java.io.Serializable permits PartitionTree.Split, PartitionTree.Leaf {

    /**
     * x·v for the row x = data[offset .. offset + d): the sum over j = 0..d−1 of data[offset + j]·v[j] in that order,
     * the one projection of the splits, of routing and of every {@link PartitionBackend}, so all get the same bits.
     */
    static double projection(double[] data, int offset, double[] v) {
        double s = 0;
        for (int j = 0; j < v.length; j++) {
            s += data[offset + j] * v[j];
        }
        return s;
    }

    /** The leaf index row {@code i} of {@code x} routes to. */
    int route(Matrix x, int i);

    /** Number of leaves below this node. */
    int leaves();

    /** Depth of the deepest leaf below this node (a leaf has depth 0). */
    int depth();

    /** Adds {@code weight}·(soft-routing probability of each leaf below) for row {@code i} to {@code out[leaf]}. */
    void addLeafWeights(Matrix x, int i, double temperature, double weight, double[] out);

    /**
     * x·v ≤ τ goes left.
     *
     * @param direction v, unit length (the top AGOP eigenvector of the node's cheap RFM)
     * @param threshold τ, the median projection of the node's rows
     * @param scale     s &gt; 0, the standard deviation of the node's projections (the unit of soft routing)
     * @param rows      rows of the training data that reached this node
     */
    record Split(double[] direction, double threshold, double scale, int rows, PartitionTree left, PartitionTree right)
            implements PartitionTree {
        public Split {
            direction = direction.clone();
            if (left == null || right == null) {
                throw new IllegalArgumentException("partition split: both children are required");
            }
            if (!(scale > 0) || !Double.isFinite(scale)) {
                throw new IllegalArgumentException("partition split: scale must be positive and finite, got " + scale);
            }
        }

        @Override
        public double[] direction() {
            return direction.clone();
        }

        /** x_i·v. */
        public double project(Matrix x, int i) {
            return projection(x.data(), i * direction.length, direction);
        }

        @Override
        public int route(Matrix x, int i) {
            return (project(x, i) <= threshold ? left : right).route(x, i);
        }

        @Override
        public int leaves() {
            return left.leaves() + right.leaves();
        }

        @Override
        public void addLeafWeights(Matrix x, int i, double temperature, double weight, double[] out) {
            double pLeft = 1.0 / (1.0 + Math.exp((project(x, i) - threshold) / (temperature * scale)));
            left.addLeafWeights(x, i, temperature, weight * pLeft, out);
            right.addLeafWeights(x, i, temperature, weight * (1.0 - pLeft), out);
        }

        @Override
        public int depth() {
            return 1 + Math.max(left.depth(), right.depth());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Split s && Arrays.equals(direction, s.direction) && threshold == s.threshold
                    && scale == s.scale && rows == s.rows && left.equals(s.left) && right.equals(s.right);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(direction) + Double.hashCode(threshold);
        }
    }

    /** A leaf: RFM number {@code index}, fitted on {@code rows} training rows that reached it. */
    record Leaf(int index, int rows) implements PartitionTree {
        @Override
        public int route(Matrix x, int i) {
            return index;
        }

        @Override
        public int leaves() {
            return 1;
        }

        @Override
        public void addLeafWeights(Matrix x, int i, double temperature, double weight, double[] out) {
            out[index] += weight;
        }

        @Override
        public int depth() {
            return 0;
        }
    }
}
