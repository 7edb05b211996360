package org.featurelab.spark;

import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The docs' use: numeric columns → VectorAssembler → TreeRfmClassifier in a Pipeline, saved and loaded as one. */
class PipelineTest {
    @Test
    void aPipelineWithTheClassifierFitsSavesAndLoads(@TempDir Path dir) throws Exception {
        SplittableRandom rng = new SplittableRandom(4);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            double a = 2 * rng.nextDouble() - 1;
            double b = 2 * rng.nextDouble() - 1;
            rows.add(RowFactory.create(a, b, rng.nextDouble(), a * b > 0 ? 1.0 : 0.0));
        }
        StructType schema = new StructType(new StructField[]{
                new StructField("a", DataTypes.DoubleType, false, Metadata.empty()),
                new StructField("b", DataTypes.DoubleType, false, Metadata.empty()),
                new StructField("noise", DataTypes.DoubleType, false, Metadata.empty()),
                new StructField("y", DataTypes.DoubleType, false, Metadata.empty())});
        Dataset<Row> table = LocalSpark.session().createDataFrame(rows, schema);
        VectorAssembler assemble = new VectorAssembler().setInputCols(new String[]{"a", "b", "noise"})
                .setOutputCol("features");
        TreeRfmClassifier rfm = new TreeRfmClassifier().setLabelCol("y").setMaxLeafSize(150).setMaxIter(2)
                .setBandwidth(1.0).setSeed(1);
        PipelineModel model = new Pipeline().setStages(new PipelineStage[]{assemble, rfm}).fit(table);
        List<Row> out = model.transform(table).select("y", "prediction").collectAsList();
        int correct = 0;
        for (Row r : out) {
            correct += r.getDouble(0) == r.getDouble(1) ? 1 : 0;
        }
        assertTrue(correct > 0.9 * out.size(), "training accuracy " + correct + "/" + out.size()); // XOR of signs

        String path = dir.resolve("pipeline").toString();
        model.write().overwrite().save(path);
        PipelineModel loaded = PipelineModel.load(path);
        assertEquals(model.transform(table).select("probability").collectAsList(),
                loaded.transform(table).select("probability").collectAsList());
    }
}
