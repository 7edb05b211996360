package org.featurelab.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.ml.linalg.Vectors;
import org.featurelab.rfm.LabeledData;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input to the Spark stages: one IllegalArgumentException whose message names the problem. */
class BadInputTest {
    private static void rejects(Runnable r, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), e.getMessage());
        }
    }

    @Test
    void aFeaturesColumnOfTheWrongTypeIsNamed() {
        StructType schema = new StructType(new StructField[]{
                new StructField("features", DataTypes.StringType, false, Metadata.empty()),
                new StructField("label", DataTypes.DoubleType, false, Metadata.empty())});
        Dataset<Row> df = LocalSpark.session().createDataFrame(List.of(RowFactory.create("1,2", 0.0),
                RowFactory.create("3,4", 1.0)), schema);
        rejects(() -> new TreeRfmClassifier().fit(df), "column 'features' must be a vector", "string");
        rejects(() -> new TreeRfmRegressor().fit(df), "column 'features' must be a vector", "string");
        LabeledData data = LocalSpark.synthetic(200, 3, 2, 1);
        TreeRfmClassificationModel model = new TreeRfmClassifier().setMaxLeafSize(100).setMaxIter(1)
                .fit(LocalSpark.frame(data, true, 1));
        rejects(() -> model.transform(df), "column 'features' must be a vector", "string");
        rejects(() -> new TreeRfmClassifier().setFeaturesCol("x").fit(LocalSpark.frame(data, true, 1)),
                "no column 'x'");
    }

    @Test
    void aLeafTooSmallForTheClassesIsNamed() {
        LabeledData data = LocalSpark.synthetic(400, 3, 12, 2);
        rejects(() -> new TreeRfmClassifier().setMaxLeafSize(20).fit(LocalSpark.frame(data, true, 2)),
                "max leaf size 20 is too small for 12 classes");
    }

    @Test
    void labelsAndFeaturesThatCannotBeFittedAreNamed() {
        StructType schema = LocalSpark.SCHEMA;
        Dataset<Row> fractional = LocalSpark.session().createDataFrame(List.of(
                RowFactory.create(Vectors.dense(1, 2), 0.0), RowFactory.create(Vectors.dense(3, 4), 1.5)), schema);
        rejects(() -> new TreeRfmClassifier().fit(fractional), "class indices");
        Dataset<Row> nan = LocalSpark.session().createDataFrame(List.of(
                RowFactory.create(Vectors.dense(1, 2), 0.0), RowFactory.create(Vectors.dense(Double.NaN, 4), 1.0)),
                schema);
        rejects(() -> new TreeRfmRegressor().fit(nan), "row 1 has a NaN or infinite feature");
        Dataset<Row> ragged = LocalSpark.session().createDataFrame(List.of(
                RowFactory.create(Vectors.dense(1, 2), 0.0), RowFactory.create(Vectors.dense(3, 4, 5), 1.0)), schema);
        rejects(() -> new TreeRfmRegressor().fit(ragged), "different lengths (2 to 3)");
        rejects(() -> new TreeRfmClassifier().setMaxLeafSize(5), "maxLeafSize");
        Dataset<Row> empty = LocalSpark.session().createDataFrame(List.<Row>of(), schema);
        rejects(() -> new TreeRfmRegressor().fit(empty), "has 0 rows");
        StructType nullable = new StructType(new StructField[]{
                new StructField("features", org.apache.spark.ml.linalg.SQLDataTypes.VectorType(), true, Metadata.empty()),
                new StructField("label", DataTypes.DoubleType, false, Metadata.empty())});
        Dataset<Row> nulls = LocalSpark.session().createDataFrame(List.of(
                RowFactory.create(Vectors.dense(1, 2), 0.0), RowFactory.create(null, 1.0)), nullable);
        rejects(() -> new TreeRfmRegressor().fit(nulls), "row 1 has a null features vector"); // thrown on an executor
    }
}
