package org.featurelab.spark;

import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.types.StructType;
import org.featurelab.base.Task;
import org.featurelab.partition.PartitionedFit;

/**
 * Tree-partitioned RFM regression on Spark: a real label; the model appends {@code prediction}. See
 * {@link TreeRfmEstimator} for the algorithm and params.
 */
public final class TreeRfmRegressor extends TreeRfmEstimator<TreeRfmRegressor, TreeRfmRegressionModel> {
    private static final long serialVersionUID = 1L;

    public TreeRfmRegressor() {
        this(Identifiable.randomUID("treeRfmRegressor"));
    }

    public TreeRfmRegressor(String uid) {
        super(uid);
    }

    @Override
    protected Task task() {
        return Task.REGRESSION;
    }

    @Override
    protected TreeRfmRegressionModel newModel(PartitionedFit fit, int iterations) {
        return new TreeRfmRegressionModel(Identifiable.randomUID("treeRfmRegressionModel"), fit, iterations);
    }

    @Override
    protected StructType outputSchema(StructType schema) {
        return TreeRfmRegressionModel.append(schema, uid(), getOrDefault(predictionCol()));
    }

    public static MLReader<TreeRfmRegressor> read() {
        return new DefaultParamsReader<>();
    }

    public static TreeRfmRegressor load(String path) {
        return read().load(path);
    }
}
