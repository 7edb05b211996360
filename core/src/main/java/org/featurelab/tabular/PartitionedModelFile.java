package org.featurelab.tabular;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.featurelab.base.Task;
import org.featurelab.io.Json;
import org.featurelab.io.ModelArchive;
import org.featurelab.kernel.Metric;
import org.featurelab.linalg.Matrix;
import org.featurelab.partition.PartitionTree;
import org.featurelab.partition.PartitionedRfmModel;
import org.featurelab.rfm.RfmConfig;
import org.featurelab.rfm.RfmModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The tree-partitioned kernel machine in a model file (manifest kind {@value #KIND}, archive format version 2):
 * manifest {@code model} {kind, task, kernel, bandwidth, ridge, iterations, update, scaling, diagonal, precision,
 * centerTargets (the leaves' common settings), maxLeafSize, temperature (0: hard routing), leaves: [{iteration,
 * centers}, …], tree}, where {@code tree} is nested {@code {"direction", "threshold", "scale", "rows", "left",
 * "right"}} objects down to {@code {"leaf": k, "rows"}};
 * arrays {@code split.<j>.direction} (1×d, splits numbered depth-first) and per leaf k
 * {@code leaf.<k>.centers}, {@code leaf.<k>.alpha}, {@code leaf.<k>.metric} (d×d, or 1×d when diagonal) and,
 * with an intercept, {@code leaf.<k>.offset}; plus {@code learner}, {@code preprocessing} and {@code tuning} as for
 * one kernel machine. The leaves' iteration histories are not stored.
 */
final class PartitionedModelFile {
    static final String KIND = "featurelab-tabular-tree-rfm";

    private PartitionedModelFile() {
    }

    /**
     * The {@code model} manifest object; fills {@code arrays}. {@code iterations} is the T every leaf chose its
     * iteration from (each refitted leaf's own config holds only the iteration it kept).
     */
    static ObjectNode model(FittedModel.Partitioned p, int iterations, Map<String, Matrix> arrays) {
        return encode(KIND, p.model(), iterations, p.maxLeafSize(), arrays);
    }

    /**
     * The tree and its leaves as a manifest object {kind, task, the leaves' RFM settings, maxLeafSize (when not
     * null), temperature, leaves, tree}; fills {@code arrays}. {@code iterations}: the T the leaves chose their
     * iteration from.
     */
    static ObjectNode encode(String kind, PartitionedRfmModel m, int iterations, Integer maxLeafSize,
                             Map<String, Matrix> arrays) {
        RfmConfig c = m.leaves().get(0).config().withIterations(iterations);
        ObjectNode model = Json.object();
        model.put("kind", kind);
        model.put("task", m.task().label());
        ModelJson.putRfmConfig(model, c);
        model.put("centerTargets", c.centerTargets());
        if (maxLeafSize != null) {
            model.put("maxLeafSize", maxLeafSize);
        }
        model.put("temperature", m.temperature());
        ArrayNode leaves = model.putArray("leaves");
        for (int k = 0; k < m.leaves().size(); k++) {
            RfmModel leaf = m.leaves().get(k);
            leaves.addObject().put("iteration", leaf.iteration()).put("centers", leaf.centers().rows());
            arrays.put("leaf." + k + ".centers", leaf.centers());
            arrays.put("leaf." + k + ".alpha", leaf.alpha());
            arrays.put("leaf." + k + ".metric", leaf.metric() instanceof Metric.Diagonal dg
                    ? Matrix.wrap(1, dg.dimension(), dg.m()) : leaf.metric().toMatrix());
            if (c.centerTargets()) {
                arrays.put("leaf." + k + ".offset", Matrix.of(new double[][]{leaf.offset()}));
            }
        }
        model.set("tree", tree(m.tree(), arrays, new int[1]));
        return model;
    }

    private static ObjectNode tree(PartitionTree t, Map<String, Matrix> arrays, int[] splits) {
        ObjectNode o = Json.object();
        if (t instanceof PartitionTree.Split s) {
            String name = "split." + splits[0]++ + ".direction";
            arrays.put(name, Matrix.wrap(1, s.direction().length, s.direction()));
            o.put("direction", name);
            o.put("threshold", s.threshold());
            o.put("scale", s.scale());
            o.put("rows", s.rows());
            o.set("left", tree(s.left(), arrays, splits));
            o.set("right", tree(s.right(), arrays, splits));
        } else {
            PartitionTree.Leaf leaf = (PartitionTree.Leaf) t;
            o.put("leaf", leaf.index());
            o.put("rows", leaf.rows());
        }
        return o;
    }

    /** The model back from its manifest object and the archive's arrays. */
    static FittedModel.Partitioned read(JsonNode model, JsonNode tuning, ModelArchive a) {
        return new FittedModel.Partitioned(decode(model, a), ModelJson.tuning(tuning),
                ModelJson.req(model, "maxLeafSize").asInt());
    }

    /** The tree-partitioned RFM back from an {@link #encode}d object and the archive's arrays. */
    static PartitionedRfmModel decode(JsonNode model, ModelArchive a) {
        RfmConfig config = ModelJson.rfmConfig(model, ModelJson.req(model, "centerTargets").asBoolean());
        boolean diagonal = config.diagonal();
        Task task = Task.parse(ModelJson.text(model, "task"));
        JsonNode leafList = ModelJson.req(model, "leaves");
        List<RfmModel> leaves = new ArrayList<>();
        for (int k = 0; k < leafList.size(); k++) {
            Matrix metricArray = array(a, "leaf." + k + ".metric");
            Metric metric = diagonal ? new Metric.Diagonal(metricArray.data()) : new Metric.Full(metricArray);
            Matrix alpha = array(a, "leaf." + k + ".alpha");
            double[] offset = config.centerTargets() ? array(a, "leaf." + k + ".offset").data() : new double[alpha.cols()];
            int iteration = ModelJson.req(leafList.get(k), "iteration").asInt();
            Matrix centers = array(a, "leaf." + k + ".centers");
            if (!leaves.isEmpty() && centers.cols() != leaves.get(0).dimension()) {
                throw new IllegalArgumentException("leaf " + k + " has " + centers.cols() + " features, leaf 0 has "
                        + leaves.get(0).dimension());
            }
            leaves.add(new RfmModel(config.withIterations(iteration), task, metric, centers, alpha, iteration, List.of(),
                    offset));
        }
        PartitionTree tree = tree(ModelJson.req(model, "tree"), a, leaves.size());
        requireWellFormed(tree, leaves.get(0).dimension(), leaves.size());
        return new PartitionedRfmModel(tree, leaves, task, ModelJson.req(model, "temperature").asDouble());
    }

    private static PartitionTree tree(JsonNode o, ModelArchive a, int leafCount) {
        int rows = ModelJson.req(o, "rows").asInt();
        if (o.has("leaf")) {
            int k = o.get("leaf").asInt();
            if (k < 0 || k >= leafCount) {
                throw new IllegalArgumentException("the tree names leaf " + k + " of " + leafCount);
            }
            return new PartitionTree.Leaf(k, rows);
        }
        double[] direction = array(a, ModelJson.text(o, "direction")).data();
        return new PartitionTree.Split(direction, ModelJson.req(o, "threshold").asDouble(), ModelJson.req(o, "scale").asDouble(), rows,
                tree(ModelJson.req(o, "left"), a, leafCount), tree(ModelJson.req(o, "right"), a, leafCount));
    }

    /** Every split's direction has d entries and every leaf index 0..k−1 appears exactly once. */
    private static void requireWellFormed(PartitionTree tree, int d, int leafCount) {
        boolean[] seen = new boolean[leafCount];
        java.util.ArrayDeque<PartitionTree> todo = new java.util.ArrayDeque<>(List.of(tree));
        while (!todo.isEmpty()) {
            PartitionTree t = todo.pop();
            if (t instanceof PartitionTree.Split s) {
                if (s.direction().length != d) {
                    throw new IllegalArgumentException("a split direction has " + s.direction().length + " entries for "
                            + d + " features");
                }
                todo.push(s.right());
                todo.push(s.left());
            } else {
                int k = ((PartitionTree.Leaf) t).index();
                if (seen[k]) {
                    throw new IllegalArgumentException("the tree names leaf " + k + " twice");
                }
                seen[k] = true;
            }
        }
        for (int k = 0; k < leafCount; k++) {
            if (!seen[k]) {
                throw new IllegalArgumentException("the tree never reaches leaf " + k);
            }
        }
    }

    private static Matrix array(ModelArchive a, String name) {
        if (!a.hasArray(name)) {
            throw new IllegalArgumentException("missing array '" + name + "'");
        }
        return a.array(name);
    }

}
