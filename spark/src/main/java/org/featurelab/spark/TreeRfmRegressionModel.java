package org.featurelab.spark;

import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.featurelab.partition.PartitionedFit;

/** The fitted {@link TreeRfmRegressor}: appends prediction. */
public final class TreeRfmRegressionModel extends TreeRfmModel<TreeRfmRegressionModel> {
    private static final long serialVersionUID = 1L;

    public TreeRfmRegressionModel(String uid, PartitionedFit fit, int iterations) {
        super(uid, fit, iterations);
    }

    @Override
    protected TreeRfmRegressionModel create(String uid, PartitionedFit fit, int iterations) {
        return new TreeRfmRegressionModel(uid, fit, iterations);
    }

    @Override
    protected StructType appendOutputs(StructType schema) {
        return append(schema, uid(), getOrDefault(predictionCol()));
    }

    static StructType append(StructType schema, String stage, String prediction) {
        return Columns.append(schema, stage, new StructField(prediction, DataTypes.DoubleType, false,
                org.apache.spark.sql.types.Metadata.empty()));
    }

    @Override
    protected Cells cells() {
        return getOrDefault(predictionCol()).isEmpty() ? new NoCells() : new PredictionCell();
    }

    /** The prediction f(x). */
    private static final class PredictionCell implements Cells {
        private static final long serialVersionUID = 1L;

        @Override
        public Object[] of(PartitionedFit fit, double[] scores) {
            return new Object[]{scores[0]};
        }
    }

    /** No column wanted. */
    private static final class NoCells implements Cells {
        private static final long serialVersionUID = 1L;

        @Override
        public Object[] of(PartitionedFit fit, double[] scores) {
            return new Object[0];
        }
    }

    public static MLReader<TreeRfmRegressionModel> read() {
        return new MLReader<>() {
            @Override
            public TreeRfmRegressionModel load(String path) {
                return TreeRfmModel.load(sparkSession(), path, TreeRfmRegressionModel.class.getName(),
                        TreeRfmRegressionModel::new);
            }
        };
    }

    public static TreeRfmRegressionModel load(String path) {
        return read().load(path);
    }
}
