package org.featurelab.spark;

import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.featurelab.linalg.Matrix;
import org.featurelab.partition.PartitionedFit;

import java.util.ArrayList;
import java.util.List;

/** The fitted {@link TreeRfmClassifier}: appends rawPrediction, probability and prediction (see there). */
public final class TreeRfmClassificationModel extends TreeRfmModel<TreeRfmClassificationModel> {
    private static final long serialVersionUID = 1L;
    private final Param<String> probabilityCol;
    private final Param<String> rawPredictionCol;

    public TreeRfmClassificationModel(String uid, PartitionedFit fit, int iterations) {
        super(uid, fit, iterations);
        if (fit.calibration() == null) {
            throw new IllegalArgumentException("featurelab-spark: a classification model needs its calibration");
        }
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

    public TreeRfmClassificationModel setProbabilityCol(String v) {
        set(probabilityCol, v);
        return this;
    }

    public TreeRfmClassificationModel setRawPredictionCol(String v) {
        set(rawPredictionCol, v);
        return this;
    }

    /** c: the classes. */
    public int numClasses() {
        return tree().outputs();
    }

    @Override
    protected TreeRfmClassificationModel create(String uid, PartitionedFit fit, int iterations) {
        return new TreeRfmClassificationModel(uid, fit, iterations);
    }

    @Override
    protected StructType appendOutputs(StructType schema) {
        return append(schema, uid(), getOrDefault(predictionCol()), getOrDefault(rawPredictionCol),
                getOrDefault(probabilityCol));
    }

    static StructType append(StructType schema, String stage, String prediction, String raw, String probability) {
        StructType s = Columns.append(schema, stage, new StructField(raw, SQLDataTypes.VectorType(), false,
                org.apache.spark.sql.types.Metadata.empty()));
        s = Columns.append(s, stage, new StructField(probability, SQLDataTypes.VectorType(), false,
                org.apache.spark.sql.types.Metadata.empty()));
        return Columns.append(s, stage, new StructField(prediction, DataTypes.DoubleType, false,
                org.apache.spark.sql.types.Metadata.empty()));
    }

    @Override
    protected Cells cells() {
        return new ClassCells(!getOrDefault(rawPredictionCol).isEmpty(), !getOrDefault(probabilityCol).isEmpty(),
                !getOrDefault(predictionCol()).isEmpty());
    }

    /** rawPrediction (f), probability (softmax(βf)), prediction (argmax f), each when its column is wanted. */
    private record ClassCells(boolean raw, boolean probability, boolean prediction) implements Cells {
        @Override
        public Object[] of(PartitionedFit fit, double[] scores) {
            List<Object> out = new ArrayList<>(3);
            if (raw) {
                out.add(Vectors.dense(scores));
            }
            if (probability) {
                out.add(Vectors.dense(fit.calibration().probabilities(Matrix.wrap(1, scores.length, scores)).data()));
            }
            if (prediction) {
                int best = 0;
                for (int j = 1; j < scores.length; j++) {
                    if (scores[j] > scores[best]) {
                        best = j;
                    }
                }
                out.add((double) best);
            }
            return out.toArray();
        }
    }

    public static MLReader<TreeRfmClassificationModel> read() {
        return new MLReader<>() {
            @Override
            public TreeRfmClassificationModel load(String path) {
                return TreeRfmModel.load(sparkSession(), path, TreeRfmClassificationModel.class.getName(),
                        TreeRfmClassificationModel::new);
            }
        };
    }

    public static TreeRfmClassificationModel load(String path) {
        return read().load(path);
    }
}
