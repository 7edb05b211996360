package org.featurelab.spark;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.featurelab.linalg.Matrix;
import org.featurelab.rfm.LabeledData;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** One local[2] Spark session for all tests of the module, and the synthetic data they share. */
final class LocalSpark {
    private static SparkSession session;

    private LocalSpark() {
    }

    static synchronized SparkSession session() {
        if (session == null) {
            session = SparkSession.builder().master("local[2]").appName("featurelab-spark-test")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "4")
                    .config("spark.driver.host", "127.0.0.1")
                    // the stricter of Spark's serializers (it cannot write Java records): what crosses the wire must
                    // survive it; Java serialisation, the default, writes all the same values
                    .config("spark.serializer", "org.apache.spark.serializer.KryoSerializer")
                    // small test frames: interpreted plans start faster than generated code
                    .config("spark.sql.codegen.wholeStage", "false")
                    .config("spark.sql.adaptive.enabled", "false")
                    .getOrCreate();
            Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
        }
        return session;
    }

    static final StructType SCHEMA = new StructType(new StructField[]{
            new StructField("features", SQLDataTypes.VectorType(), false, Metadata.empty()),
            new StructField("label", DataTypes.DoubleType, false, Metadata.empty())});

    /**
     * n rows of d features uniform on [−1, 1]; classification (classes ≥ 2): the class of sin(2x₀) + x₁·x₂ cut into
     * equal-width bins, else that value plus noise 0.05·N(0, 1).
     */
    static LabeledData synthetic(int n, int d, int classes, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int c = Math.max(classes, 1);
        double[] x = new double[n * d];
        double[] y = new double[n * c];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x[i * d + j] = 2 * rng.nextDouble() - 1;
            }
            double f = Math.sin(2 * x[i * d]) + x[i * d + 1] * x[i * d + 2];
            if (classes >= 2) {
                int k = (int) Math.floor((f + 2) / 4 * classes);
                y[i * c + Math.max(0, Math.min(classes - 1, k))] = 1.0;
            } else {
                y[i] = f + 0.05 * rng.nextGaussian();
            }
        }
        return new LabeledData(Matrix.wrap(n, d, x), Matrix.wrap(n, c, y));
    }

    /** The rows of {@code data} as a DataFrame (features, label) in {@code slices} partitions, in row order. */
    static Dataset<Row> frame(LabeledData data, boolean classification, int slices) {
        List<Row> rows = new ArrayList<>();
        int c = data.y().cols();
        for (int i = 0; i < data.size(); i++) {
            double label;
            if (classification) {
                int k = 0;
                for (int j = 1; j < c; j++) {
                    if (data.y().get(i, j) > data.y().get(i, k)) {
                        k = j;
                    }
                }
                label = k;
            } else {
                label = data.y().get(i, 0);
            }
            double[] row = new double[data.x().cols()];
            for (int j = 0; j < row.length; j++) {
                row[j] = data.x().get(i, j);
            }
            rows.add(RowFactory.create(Vectors.dense(row), label));
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(session().sparkContext());
        return session().createDataFrame(jsc.parallelize(rows, slices), SCHEMA);
    }
}
