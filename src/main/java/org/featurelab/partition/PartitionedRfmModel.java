package org.featurelab.partition;

import org.featurelab.base.Task;
import org.featurelab.linalg.Matrix;
import org.featurelab.rfm.RfmModel;

import java.util.ArrayList;
import java.util.List;

/**
 * A fitted tree-partitioned RFM: the routing {@link PartitionTree} and one {@link RfmModel} per leaf. Prediction is
 * hard routing: f(z) = f_{leaf(z)}(z), the rows of a batch grouped by leaf so that each leaf's kernel rows are
 * formed once. Immutable.
 */
public record PartitionedRfmModel(PartitionTree tree, List<RfmModel> leaves, Task task) {
    public PartitionedRfmModel {
        leaves = List.copyOf(leaves);
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

    /** f(Z): n×c scores (classification) or n×1 values, each row from the RFM of its leaf. */
    public Matrix predict(Matrix z) {
        int[] leaf = route(z);
        List<List<Integer>> members = new ArrayList<>();
        for (int k = 0; k < leaves.size(); k++) {
            members.add(new ArrayList<>());
        }
        for (int i = 0; i < leaf.length; i++) {
            members.get(leaf[i]).add(i);
        }
        int c = outputs();
        Matrix out = Matrix.zeros(z.rows(), c);
        for (int k = 0; k < leaves.size(); k++) {
            List<Integer> rows = members.get(k);
            if (rows.isEmpty()) {
                continue;
            }
            int[] idx = rows.stream().mapToInt(Integer::intValue).toArray();
            Matrix f = leaves.get(k).predict(z.selectRows(idx));
            for (int r = 0; r < idx.length; r++) {
                for (int j = 0; j < c; j++) {
                    out.set(idx[r], j, f.get(r, j));
                }
            }
        }
        return out;
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
