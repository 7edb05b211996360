package org.featurelab.partition;

import org.featurelab.base.Task;
import org.featurelab.linalg.Matrix;
import org.featurelab.rfm.RfmModel;

import java.util.List;

/**
 * A fitted tree-partitioned RFM: the routing {@link PartitionTree} and one {@link RfmModel} per leaf. With
 * {@code temperature} 0, hard routing: f(z) = f_{leaf(z)}(z); with T &gt; 0, soft routing: f(z) = Σ_k w_k(z)·f_k(z),
 * w_k the leaf's path probability ({@link PartitionTree#addLeafWeights}); leaves whose weight is below
 * {@value #MIN_WEIGHT} of the row's largest are skipped and the kept weights renormalised (a row then costs a few
 * leaves instead of all). The rows of a batch are grouped by leaf so that each leaf's kernel rows are formed once.
 * Immutable.
 */
public record PartitionedRfmModel(PartitionTree tree, List<RfmModel> leaves, Task task, double temperature) implements java.io.Serializable {
    /** Relative weight below which a leaf is left out of a row's soft-routed prediction. */
    public static final double MIN_WEIGHT = 1e-4;

    public PartitionedRfmModel {
        leaves = List.copyOf(leaves);
        if (!(temperature >= 0) || !Double.isFinite(temperature)) {
            throw new IllegalArgumentException("partitioned rfm: temperature must be finite and >= 0, got " + temperature);
        }
        if (tree.leaves() != leaves.size()) {
            throw new IllegalArgumentException("partitioned rfm: the tree has " + tree.leaves() + " leaves, "
                    + leaves.size() + " models given");
        }
        int d = leaves.get(0).dimension();
        int c = leaves.get(0).outputs();
        for (RfmModel m : leaves) {
            if (m.dimension() != d || m.outputs() != c) {
                throw new IllegalArgumentException("partitioned rfm: leaves disagree on dimension or outputs");
            }
        }
    }

    /** d: the features the model reads. */
    public int dimension() {
        return leaves.get(0).dimension();
    }

    /** c: outputs per row (classes, or 1). */
    public int outputs() {
        return leaves.get(0).outputs();
    }

    /** The leaf each row of {@code z} routes to. */
    public int[] route(Matrix z) {
        requireDimension(z);
        int[] leaf = new int[z.rows()];
        for (int i = 0; i < leaf.length; i++) {
            leaf[i] = tree.route(z, i);
        }
        return leaf;
    }

    /** The same tree and leaves routed at temperature {@code t} (0: hard). */
    public PartitionedRfmModel withTemperature(double t) {
        return new PartitionedRfmModel(tree, leaves, task, t);
    }

    /** f(Z): n×c scores (classification) or n×1 values, hard- or soft-routed by {@link #temperature}. */
    public Matrix predict(Matrix z) {
        requireDimension(z);
        int n = z.rows();
        int k = leaves.size();
        double[][] weights = temperature == 0 ? null : softWeights(z);
        int[] leafOf = temperature == 0 ? route(z) : null;
        List<List<Integer>> members = new java.util.ArrayList<>();
        for (int j = 0; j < k; j++) {
            members.add(new java.util.ArrayList<>());
        }
        for (int i = 0; i < n; i++) { // one pass: the rows each leaf predicts
            if (leafOf != null) {
                members.get(leafOf[i]).add(i);
            } else {
                for (int j = 0; j < k; j++) {
                    if (weights[i][j] > 0) {
                        members.get(j).add(i);
                    }
                }
            }
        }
        Matrix out = Matrix.zeros(n, outputs());
        for (int j = 0; j < k; j++) {
            int[] idx = members.get(j).stream().mapToInt(Integer::intValue).toArray();
            if (idx.length > 0) {
                addWeightedInPlace(out, idx, weights, j, leaves.get(j).predict(z.selectRows(idx)));
            }
        }
        return out;
    }

    /** Each row's leaf weights: path probabilities, those below {@value #MIN_WEIGHT} of the row's largest dropped, renormalised. */
    private double[][] softWeights(Matrix z) {
        int k = leaves.size();
        double[][] weights = new double[z.rows()][];
        for (int i = 0; i < weights.length; i++) {
            double[] w = new double[k];
            tree.addLeafWeights(z, i, temperature, 1.0, w);
            double max = 0;
            for (double wi : w) {
                max = Math.max(max, wi);
            }
            double kept = 0;
            for (int j = 0; j < k; j++) {
                w[j] = w[j] >= MIN_WEIGHT * max ? w[j] : 0.0;
                kept += w[j];
            }
            for (int j = 0; j < k; j++) {
                w[j] /= kept;
            }
            weights[i] = w;
        }
        return weights;
    }

    /** out[idx[r]] += w·f[r] with w = weights[idx[r]][leaf] (1 when {@code weights} is null); nothing for no rows. */
    private static void addWeightedInPlace(Matrix out, int[] idx, double[][] weights, int leaf, Matrix f) {
        int c = out.cols();
        for (int r = 0; r < idx.length; r++) {
            double w = weights == null ? 1.0 : weights[idx[r]][leaf];
            for (int j = 0; j < c; j++) {
                out.set(idx[r], j, out.get(idx[r], j) + w * f.get(r, j));
            }
        }
    }

    /** Σ_k (n_k/n)·M_k over the leaves, n_k the training rows of leaf k: the model's overall feature matrix. */
    public Matrix meanMetric() {
        int[] rows = new int[leaves.size()];
        collectRows(tree, rows);
        long total = 0;
        for (int r : rows) {
            total += r;
        }
        Matrix mean = Matrix.zeros(dimension(), dimension());
        for (int k = 0; k < leaves.size(); k++) {
            mean.addInPlace(rows[k] / (double) total, leaves.get(k).metric().toMatrix());
        }
        return mean;
    }

    private static void collectRows(PartitionTree t, int[] rows) {
        if (t instanceof PartitionTree.Split s) {
            collectRows(s.left(), rows);
            collectRows(s.right(), rows);
        } else {
            PartitionTree.Leaf leaf = (PartitionTree.Leaf) t;
            rows[leaf.index()] = leaf.rows();
        }
    }

    private void requireDimension(Matrix z) {
        if (z.cols() != dimension()) {
            throw new IllegalArgumentException("predict: data has " + z.cols() + " features, model expects " + dimension());
        }
    }
}
