package org.featurelab.tabular;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.featurelab.base.Task;
import org.featurelab.encoding.FittedPreprocessor;
import org.featurelab.io.Json;
import org.featurelab.io.ModelArchive;
import org.featurelab.kernel.Metric;
import org.featurelab.linalg.Matrix;
import org.featurelab.rfm.RfmConfig;
import org.featurelab.rfm.RfmModel;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Maps a {@link TabularModel} onto the versioned {@link ModelArchive} (format version 1):
 * manifest keys {@code model} (kernel, bandwidth, ridge, update, scaling, diagonal, iteration, task),
 * {@code learner}, {@code preprocessing} ({@code columns}, {@code target}), {@code tuning}, {@code history};
 * arrays {@code centers} (n×d), {@code alpha} (n×c) and {@code metric} (d×d, or 1×d when diagonal). Boosted trees
 * are a second manifest kind in the same format version ({@link TreeModelFile}), tree-partitioned kernel machines a third
 * ({@link PartitionedModelFile}, from format version 2), ensembles a fourth ({@link EnsembleModelFile}); the kind decides
 * the reader.
 */
final class TabularModelFile {
    static final String KIND = "featurelab-tabular-rfm";

    private TabularModelFile() {
    }

    static void save(TabularModel m, Path file) {
        if (m.fitted() instanceof FittedModel.Trees t) {
            ObjectNode manifest = Json.object();
            manifest.set("model", TreeModelFile.model(t));
            manifest.set("learner", ModelJson.config(m.config(), null));
            manifest.set("preprocessing", preprocessing(m.preprocessing()));
            manifest.set("tuning", TreeModelFile.tuning(t));
            ModelArchive.write(file, ModelArchive.of(manifest, m.provenance(),
                    Map.of(TreeModelFile.BOOSTER, TreeModelFile.pack(t.trees().boosterBytes()))));
            return;
        }
        if (m.fitted() instanceof FittedModel.Partitioned p) {
            ObjectNode manifest = Json.object();
            Map<String, Matrix> arrays = new LinkedHashMap<>();
            manifest.set("model", PartitionedModelFile.model(p, m.config().iterations(), arrays));
            manifest.set("learner", ModelJson.config(m.config(), null));
            manifest.set("preprocessing", preprocessing(m.preprocessing()));
            manifest.set("tuning", ModelJson.tuning(p.tuning()));
            ModelArchive.write(file, ModelArchive.of(manifest, m.provenance(), arrays));
            return;
        }
        if (m.fitted() instanceof FittedModel.Ensemble e) {
            ObjectNode manifest = Json.object();
            Map<String, Matrix> arrays = new LinkedHashMap<>();
            manifest.set("model", EnsembleModelFile.model(e, arrays));
            manifest.set("learner", ModelJson.config(m.config(), null));
            manifest.set("preprocessing", preprocessing(m.preprocessing()));
            ModelArchive.write(file, ModelArchive.of(manifest, m.provenance(), arrays));
            return;
        }
        RfmModel rfm = m.rfm();
        ObjectNode manifest = Json.object();
        manifest.set("model", kernelModel(rfm));
        manifest.set("learner", ModelJson.config(m.config(), null));
        manifest.set("preprocessing", preprocessing(m.preprocessing()));
        manifest.set("tuning", ModelJson.tuning(m.tuning()));
        manifest.set("history", ModelJson.history(rfm.history()));
        Map<String, Matrix> arrays = new LinkedHashMap<>();
        putKernelArrays(rfm, arrays, "");
        ModelArchive.write(file, ModelArchive.of(manifest, m.provenance(), arrays));
    }

    /** The {@code model} object of one kernel machine: kind, task, its RFM settings, iteration, intercept flag. */
    static ObjectNode kernelModel(RfmModel rfm) {
        RfmConfig c = rfm.config();
        ObjectNode model = Json.object();
        model.put("kind", KIND);
        model.put("task", rfm.task().label());
        ModelJson.putRfmConfig(model, c);
        model.put("iteration", rfm.iteration());
        if (c.centerTargets()) {   // absent (false) in files without an intercept, as before
            model.put("centerTargets", true);
        }
        return model;
    }

    /** A kernel machine's arrays under {@code prefix}: centers, alpha, offset (with an intercept), metric. */
    static void putKernelArrays(RfmModel rfm, Map<String, Matrix> arrays, String prefix) {
        arrays.put(prefix + "centers", rfm.centers());
        arrays.put(prefix + "alpha", rfm.alpha());
        if (rfm.config().centerTargets()) {
            arrays.put(prefix + "offset", Matrix.of(new double[][]{rfm.offset()}));
        }
        arrays.put(prefix + "metric", rfm.metric() instanceof Metric.Diagonal dg
                ? Matrix.wrap(1, dg.dimension(), dg.m()) : rfm.metric().toMatrix());
    }

    /** The kernel machine {@link #kernelModel} and {@link #putKernelArrays} wrote, with its fit history. */
    static RfmModel readKernel(JsonNode model, JsonNode history, ModelArchive a, String prefix) {
        RfmConfig config = ModelJson.rfmConfig(model, model.path("centerTargets").asBoolean(false));
        Matrix metricArray = array(a, prefix + "metric");
        Metric metric = config.diagonal() ? new Metric.Diagonal(metricArray.data()) : new Metric.Full(metricArray);
        Matrix alpha = array(a, prefix + "alpha");
        double[] offset = config.centerTargets() ? array(a, prefix + "offset").data() : new double[alpha.cols()];
        return new RfmModel(config, Task.parse(ModelJson.text(model, "task")), metric, array(a, prefix + "centers"),
                alpha, ModelJson.req(model, "iteration").asInt(), ModelJson.history(history), offset);
    }

    private static ObjectNode preprocessing(FittedPreprocessor p) {
        ObjectNode pre = Json.object();
        pre.set("columns", ModelJson.columns(p.columns()));
        pre.set("target", ModelJson.target(p.target()));
        return pre;
    }

    static TabularModel load(Path file) {
        ModelArchive a = ModelArchive.read(file);
        try {
            ObjectNode manifest = a.manifest();
            JsonNode model = ModelJson.req(manifest, "model");
            String kind = ModelJson.text(model, "kind");
            if (TreeModelFile.KIND.equals(kind)) {
                return loadTrees(a, manifest, model);
            }
            if (PartitionedModelFile.KIND.equals(kind)) {
                FittedModel.Partitioned p = PartitionedModelFile.read(model, ModelJson.req(manifest, "tuning"), a);
                FittedPreprocessor preprocessing = preprocessing(ModelJson.req(manifest, "preprocessing"));
                if (preprocessing.featureCount() != p.dimension()) {
                    throw new IllegalArgumentException("its preprocessing yields " + preprocessing.featureCount()
                            + " features but the kernel machines expect " + p.dimension());
                }
                return new TabularModel(preprocessing, p, ModelJson.config(ModelJson.req(manifest, "learner")),
                        a.provenance());
            }
            if (EnsembleModelFile.KIND.equals(kind)) {
                FittedModel.Ensemble e = EnsembleModelFile.read(model, a);
                FittedPreprocessor preprocessing = preprocessing(ModelJson.req(manifest, "preprocessing"));
                if (preprocessing.featureCount() != e.dimension()) {
                    throw new IllegalArgumentException("its preprocessing yields " + preprocessing.featureCount()
                            + " features but the ensemble's kernel machines expect " + e.dimension());
                }
                LearnerConfig learner = ModelJson.config(ModelJson.req(manifest, "learner"));
                EnsembleModelFile.requireMembers(e, learner.model(), preprocessing.task());
                return new TabularModel(preprocessing, e, learner, a.provenance());
            }
            if (!KIND.equals(kind)) {
                throw new IllegalArgumentException("it holds a '" + kind + "' model, not a tabular RFM, a tree or an ensemble of them, or boosted trees");
            }
            RfmModel rfm = readKernel(model, ModelJson.req(manifest, "history"), a, "");
            FittedPreprocessor preprocessing = preprocessing(ModelJson.req(manifest, "preprocessing"));
            if (preprocessing.featureCount() != rfm.dimension()) {
                throw new IllegalArgumentException("its preprocessing yields " + preprocessing.featureCount()
                        + " features but the kernel machine expects " + rfm.dimension());
            }
            LearnerConfig learner = ModelJson.config(ModelJson.req(manifest, "learner"));
            if (!learner.model().isKernel() || learner.model().isEnsemble()) {
                throw new IllegalArgumentException("it holds one kernel machine but its learner is '" + learner.model().id() + "'");
            }
            return new TabularModel(preprocessing, rfm, learner, ModelJson.tuning(ModelJson.req(manifest, "tuning")),
                    a.provenance());
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new IllegalArgumentException("model file " + file + " is invalid: " + e.getMessage(), e);
        }
    }

    private static TabularModel loadTrees(ModelArchive a, ObjectNode manifest, JsonNode model) {
        FittedModel.Trees trees = TreeModelFile.read(model, manifest.get("tuning"), array(a, TreeModelFile.BOOSTER));
        FittedPreprocessor preprocessing = preprocessing(ModelJson.req(manifest, "preprocessing"));
        if (preprocessing.featureCount() != trees.dimension()) {
            throw new IllegalArgumentException("its preprocessing yields " + preprocessing.featureCount()
                    + " features but the booster expects " + trees.dimension());
        }
        return new TabularModel(preprocessing, trees, ModelJson.config(ModelJson.req(manifest, "learner")), a.provenance());
    }

    private static FittedPreprocessor preprocessing(JsonNode pre) {
        return FittedPreprocessor.of(ModelJson.columns(ModelJson.req(pre, "columns")), ModelJson.target(ModelJson.req(pre, "target")));
    }

    static Matrix array(ModelArchive a, String name) {
        if (!a.hasArray(name)) {
            throw new IllegalArgumentException("missing array '" + name + "'");
        }
        return a.array(name);
    }
}
