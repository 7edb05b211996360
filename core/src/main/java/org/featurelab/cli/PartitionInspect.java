package org.featurelab.cli;

import org.featurelab.partition.PartitionTree;
import org.featurelab.rfm.RfmModel;
import org.featurelab.tabular.FittedModel;
import org.featurelab.tabular.TabularModel;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What {@code inspect} prints for a tree-partitioned kernel machine: the common hyper-parameters, then the tree, one
 * line per node (a split's rows, threshold and the largest loadings of its direction; a leaf's rows, kept iteration
 * and its top features by share of diag(M_leaf)).
 */
final class PartitionInspect {
    private PartitionInspect() {
    }

    static void print(PrintWriter out, TabularModel m, int top) {
        FittedModel.Partitioned p = (FittedModel.Partitioned) m.fitted();
        RfmModel first = p.model().leaves().get(0);
        out.println();
        out.println("Model");
        out.printf(Locale.ROOT, "  kind              %s, kernel %s, %s M, tree-partitioned%n", m.config().model().id(),
                first.kernel().name(), first.config().diagonal() ? "diagonal" : "full");
        out.printf(Locale.ROOT, "  hyper-parameters  L=%s ridge=%s (every leaf), iterations 0..%d chosen per leaf%n",
                TextTable.general(first.kernel().bandwidth()), TextTable.general(first.config().ridge()),
                m.config().iterations());
        out.printf(Locale.ROOT, "  tree              %d leaves of at most %d rows, depth %d%n", p.model().leaves().size(),
                p.maxLeafSize(), p.model().tree().depth());
        out.println();
        out.println("Tree (x·v <= threshold goes left)");
        List<String> names = m.importances().featureNames();
        node(out, p.model().tree(), p, names, top, "  ");
    }

    private static void node(PrintWriter out, PartitionTree t, FittedModel.Partitioned p, List<String> names, int top,
                             String pad) {
        if (t instanceof PartitionTree.Split s) {
            out.printf(Locale.ROOT, "%ssplit of %d rows at %s along %s%n", pad, s.rows(), TextTable.general(s.threshold()),
                    largest(s.direction(), names, Math.min(3, top)));
            node(out, s.left(), p, names, top, pad + "  ");
            node(out, s.right(), p, names, top, pad + "  ");
            return;
        }
        PartitionTree.Leaf leaf = (PartitionTree.Leaf) t;
        RfmModel rfm = p.model().leaves().get(leaf.index());
        org.featurelab.linalg.Matrix metric = rfm.metric().toMatrix();
        double[] diag = new double[metric.rows()];
        for (int j = 0; j < diag.length; j++) {
            diag[j] = metric.get(j, j);
        }
        out.printf(Locale.ROOT, "%sleaf %d: %d rows, iteration %d, top features %s%n", pad, leaf.index(), leaf.rows(),
                rfm.iteration(), shares(diag, names, Math.min(3, top)));
    }

    /** The {@code k} largest-magnitude entries of v with their feature names. */
    private static String largest(double[] v, List<String> names, int k) {
        List<Integer> order = new ArrayList<>();
        for (int j = 0; j < v.length; j++) {
            order.add(j);
        }
        order.sort(Comparator.comparingDouble((Integer j) -> -Math.abs(v[j])).thenComparing(j -> j));
        return order.subList(0, Math.min(k, v.length)).stream()
                .map(j -> String.format(Locale.ROOT, "%s %+.3f", names.get(j), v[j])).collect(Collectors.joining(", "));
    }

    /** The {@code k} largest entries of diag(M) as shares of the trace. */
    private static String shares(double[] diag, List<String> names, int k) {
        double trace = 0;
        for (double d : diag) {
            trace += Math.max(0, d);
        }
        List<Integer> order = new ArrayList<>();
        for (int j = 0; j < diag.length; j++) {
            order.add(j);
        }
        order.sort(Comparator.comparingDouble((Integer j) -> -diag[j]).thenComparing(j -> j));
        double total = trace;
        return order.subList(0, Math.min(k, diag.length)).stream()
                .map(j -> String.format(Locale.ROOT, "%s %.3f", names.get(j), total > 0 ? Math.max(0, diag[j]) / total : 0))
                .collect(Collectors.joining(", "));
    }
}
