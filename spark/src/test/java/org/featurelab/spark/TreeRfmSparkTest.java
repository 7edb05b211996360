package org.featurelab.spark;

import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.featurelab.base.Progress;
import org.featurelab.base.Task;
import org.featurelab.linalg.Matrix;
import org.featurelab.partition.LocalBackend;
import org.featurelab.partition.PartitionedFit;
import org.featurelab.partition.PartitionedRfm;
import org.featurelab.rfm.LabeledData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Spark estimators against featurelab's single-JVM tree on the same rows and seed (done-when of issue 14: equal
 * predictions within 10⁻⁹), with the splits computed on the executors and in the driver, for classification and
 * regression; saved models load and predict the same.
 */
class TreeRfmSparkTest {
    private static final double TOLERANCE = 1e-9;

    private static TreeRfmClassifier classifier() {
        return new TreeRfmClassifier().setMaxLeafSize(250).setSplitSampleRows(200).setMaxIter(2).setBandwidth(2.0)
                .setRegParam(1e-3).setSeed(7);
    }

    @Test
    void classifierEqualsTheSingleJvmTreeWhereverTheSplitsRun() {
        LabeledData data = LocalSpark.synthetic(1000, 4, 3, 11);
        Dataset<Row> df = LocalSpark.frame(data, true, 3);
        TreeRfmClassifier est = classifier();
        PartitionedFit single = PartitionedRfm.fit(est.partitionConfig(), est.leafConfig(), Task.CLASSIFICATION,
                new LocalBackend(data), Progress.NONE);
        assertTrue(single.model().leaves().size() >= 4, single.model().leaves().size() + " leaves");
        Matrix f = single.model().predict(data.x());
        Matrix p = single.calibration().probabilities(f);
        for (int localRows : new int[]{0, 100_000}) { // every split on the executors / the whole tree in the driver
            TreeRfmClassificationModel model = est.copy(new org.apache.spark.ml.param.ParamMap())
                    .setLocalSplitRows(localRows).fit(df);
            assertSameModel(single, model.fitted());
            List<Row> out = model.transform(df).select("rawPrediction", "probability", "prediction").collectAsList();
            double maxDiff = 0;
            int correct = 0;
            for (int i = 0; i < out.size(); i++) {
                double[] raw = ((Vector) out.get(i).get(0)).toArray();
                double[] prob = ((Vector) out.get(i).get(1)).toArray();
                double sum = 0;
                for (int j = 0; j < raw.length; j++) {
                    maxDiff = Math.max(maxDiff, Math.abs(raw[j] - f.get(i, j)));
                    maxDiff = Math.max(maxDiff, Math.abs(prob[j] - p.get(i, j)));
                    sum += prob[j];
                }
                assertEquals(1.0, sum, 1e-12);
                correct += data.y().get(i, (int) out.get(i).getDouble(2)) == 1.0 ? 1 : 0;
            }
            assertTrue(maxDiff <= TOLERANCE, "localSplitRows " + localRows + ": max difference " + maxDiff);
            assertTrue(correct > 0.85 * out.size(), "training accuracy " + correct + "/" + out.size());
        }
    }

    /**
     * The same tree and leaves to the bit: fitted in this one JVM, the executors' leaf fits run the same code on the
     * same BLAS threads and kernel maps as the single-JVM fit.
     */
    private static void assertSameModel(PartitionedFit expected, PartitionedFit actual) {
        assertEquals(expected.model().leaves().size(), actual.model().leaves().size());
        assertEquals(expected.model().temperature(), actual.model().temperature());
        assertSameTree(expected.model().tree(), actual.model().tree());
        if (expected.calibration() != null) {
            assertEquals(expected.calibration().beta(), actual.calibration().beta());
        }
        for (int k = 0; k < expected.model().leaves().size(); k++) {
            var a = expected.model().leaves().get(k);
            var b = actual.model().leaves().get(k);
            assertEquals(a.iteration(), b.iteration(), "leaf " + k);
            org.junit.jupiter.api.Assertions.assertArrayEquals(a.centers().data(), b.centers().data(), "leaf " + k);
            org.junit.jupiter.api.Assertions.assertArrayEquals(a.alpha().data(), b.alpha().data(), "leaf " + k);
            org.junit.jupiter.api.Assertions.assertArrayEquals(a.metric().toMatrix().data(),
                    b.metric().toMatrix().data(), "leaf " + k);
        }
    }

    private static void assertSameTree(org.featurelab.partition.PartitionTree a, org.featurelab.partition.PartitionTree b) {
        if (a instanceof org.featurelab.partition.PartitionTree.Split sa) {
            org.featurelab.partition.PartitionTree.Split sb = (org.featurelab.partition.PartitionTree.Split) b;
            org.junit.jupiter.api.Assertions.assertArrayEquals(sa.direction(), sb.direction());
            assertEquals(sa.threshold(), sb.threshold());
            assertEquals(sa.scale(), sb.scale());
            assertEquals(sa.rows(), sb.rows());
            assertSameTree(sa.left(), sb.left());
            assertSameTree(sa.right(), sb.right());
        } else {
            assertEquals(a, b); // leaves: index and rows
        }
    }

    @Test
    void regressorEqualsTheSingleJvmTree() {
        LabeledData data = LocalSpark.synthetic(600, 3, 0, 5);
        Dataset<Row> df = LocalSpark.frame(data, false, 2);
        TreeRfmRegressor est = new TreeRfmRegressor().setMaxLeafSize(150).setSplitSampleRows(100).setMaxIter(2)
                .setBandwidth(2.0).setSeed(3).setLocalSplitRows(0);
        PartitionedFit single = PartitionedRfm.fit(est.partitionConfig(), est.leafConfig(), Task.REGRESSION,
                new LocalBackend(data), Progress.NONE);
        Matrix f = single.model().predict(data.x());
        TreeRfmRegressionModel model = est.fit(df);
        assertSameModel(single, model.fitted());
        List<Row> out = model.transform(df).select("prediction").collectAsList();
        double maxDiff = 0;
        for (int i = 0; i < out.size(); i++) {
            maxDiff = Math.max(maxDiff, Math.abs(out.get(i).getDouble(0) - f.get(i, 0)));
        }
        assertTrue(single.model().leaves().size() >= 4, single.model().leaves().size() + " leaves");
        assertTrue(maxDiff <= TOLERANCE, "max difference " + maxDiff);
    }

    @Test
    void savedModelsAndEstimatorsLoadAndPredictTheSame(@TempDir Path dir) throws Exception {
        LabeledData data = LocalSpark.synthetic(400, 3, 2, 9);
        Dataset<Row> df = LocalSpark.frame(data, true, 2);
        TreeRfmClassifier est = classifier().setMaxLeafSize(100).setProbabilityCol("p");
        TreeRfmClassificationModel model = est.fit(df);
        String path = dir.resolve("model").toString();
        model.write().save(path);
        TreeRfmClassificationModel loaded = TreeRfmClassificationModel.load(path);
        assertEquals(model.uid(), loaded.uid());
        assertEquals("p", loaded.getOrDefault(loaded.probabilityCol()));
        assertEquals(model.iterations(), loaded.iterations());
        List<Row> a = model.transform(df).select("rawPrediction", "p").collectAsList();
        List<Row> b = loaded.transform(df).select("rawPrediction", "p").collectAsList();
        assertEquals(a, b);

        String estPath = dir.resolve("estimator").toString();
        est.write().save(estPath);
        TreeRfmClassifier back = TreeRfmClassifier.load(estPath);
        assertEquals(est.partitionConfig(), back.partitionConfig());
        assertEquals(est.leafConfig(), back.leafConfig());
        assertEquals("p", back.getOrDefault(back.probabilityCol()));
    }
}
