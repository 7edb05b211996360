package org.featurelab.spark;

import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.types.StructType;
import org.featurelab.base.Task;
import org.featurelab.partition.PartitionedFit;

/**
 * Tree-partitioned RFM classification on Spark: labels are class indices 0..c−1 (as {@code StringIndexer} makes
 * them); the leaves regress one-hot targets; the model appends {@code rawPrediction} (the c scores f), {@code
 * probability} (softmax(β·f), β fitted on the leaves' held-out rows) and {@code prediction} (argmax f).
 * See {@link TreeRfmEstimator} for the algorithm and params.
 */
public final class TreeRfmClassifier extends TreeRfmEstimator<TreeRfmClassifier, TreeRfmClassificationModel> {
    private static final long serialVersionUID = 1L;
    private final Param<String> probabilityCol;
    private final Param<String> rawPredictionCol;

    public TreeRfmClassifier() {
        this(Identifiable.randomUID("treeRfmClassifier"));
    }

    public TreeRfmClassifier(String uid) {
        super(uid);
        probabilityCol = new Param<>(this, "probabilityCol", "class probabilities column name (empty: none)");
        rawPredictionCol = new Param<>(this, "rawPredictionCol", "class scores column name (empty: none)");
        setDefault(probabilityCol, "probability");
        setDefault(rawPredictionCol, "rawPrediction");
    }

    public Param<String> probabilityCol() {
        return probabilityCol;
    }

    public Param<String> rawPredictionCol() {
        return rawPredictionCol;
    }

    public TreeRfmClassifier setProbabilityCol(String v) {
        set(probabilityCol, v);
        return this;
    }

    public TreeRfmClassifier setRawPredictionCol(String v) {
        set(rawPredictionCol, v);
        return this;
    }

    @Override
    protected Task task() {
        return Task.CLASSIFICATION;
    }

    @Override
    protected TreeRfmClassificationModel newModel(PartitionedFit fit, int iterations) {
        return new TreeRfmClassificationModel(Identifiable.randomUID("treeRfmClassificationModel"), fit, iterations);
    }

    @Override
    protected StructType outputSchema(StructType schema) {
        return TreeRfmClassificationModel.append(schema, uid(), getOrDefault(predictionCol()),
                getOrDefault(rawPredictionCol), getOrDefault(probabilityCol));
    }

    public static MLReader<TreeRfmClassifier> read() {
        return new DefaultParamsReader<>();
    }

    public static TreeRfmClassifier load(String path) {
        return read().load(path);
    }
}
