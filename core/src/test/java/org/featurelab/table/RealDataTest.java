package org.featurelab.table;

import org.featurelab.base.Task;
import org.featurelab.encoding.ClassificationTarget;
import org.featurelab.encoding.FittedPreprocessor;
import org.featurelab.encoding.NumericEncoding;
import org.featurelab.encoding.PreparedData;
import org.featurelab.encoding.Preprocessor;
import org.featurelab.encoding.TargetEncoding;
import org.featurelab.linalg.Matrix;
import org.featurelab.testing.TestData;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.featurelab.testing.Close.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The small real data sets (test fixtures) (header row, target in the last column), read as a user would. */
class RealDataTest {
    private static final Path DATA = TestData.small("iris").getParent();

    /** Column means 0 and population standard deviations 1 of a standardised training matrix. */
    private static void assertStandardised(Matrix x) {
        int n = x.rows();
        for (int j = 0; j < x.cols(); j++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += x.get(i, j);
            }
            mean /= n;
            double var = 0;
            for (int i = 0; i < n; i++) {
                double d = x.get(i, j) - mean;
                var += d * d;
            }
            assertClose(mean, 0, 0, 1e-12, "mean of column " + j);
            assertClose(Math.sqrt(var / n), 1, 0, 1e-12, "std of column " + j);
        }
    }

    @Test
    void wine() {
        Table t = Table.readCsv(DATA.resolve("wine.csv"));
        assertEquals(178, t.rowCount());
        FittedPreprocessor f = Preprocessor.forTarget("cultivar").fit(t);
        PreparedData d = f.prepare(t);
        assertEquals("178x13", d.x().shape());
        assertEquals("178x3", d.y().shape());
        assertEquals(Task.CLASSIFICATION, d.task());
        assertEquals(List.of("class_0", "class_1", "class_2"), ((ClassificationTarget) f.target()).classes());
        assertEquals("od280/od315_of_diluted_wines", f.sourceColumn(11));
        assertStandardised(d.x());
        int[] counts = new int[3];
        for (int label : d.labels()) {
            counts[label]++;
        }
        assertEquals(List.of(59, 71, 48), List.of(counts[0], counts[1], counts[2]));
    }

    @Test
    void breastCancer() {
        Table t = Table.readCsv(DATA.resolve("breast_cancer.csv"));
        PreparedData d = Preprocessor.forTarget("diagnosis").fit(t).prepare(t);
        assertEquals("569x30", d.x().shape());
        assertEquals("569x2", d.y().shape());
        assertEquals(List.of("benign", "malignant"), ((ClassificationTarget) d.preprocessing().target()).classes());
        assertStandardised(d.x());
    }

    @Test
    void trainStatisticsCarryToHeldOutRows() {
        Table t = Table.readCsv(DATA.resolve("iris.csv"));
        int[] train = new int[100];
        int[] test = new int[50];
        for (int i = 0, a = 0, b = 0; i < 150; i++) {
            if (i % 3 == 2) {
                test[b++] = i;
            } else {
                train[a++] = i;
            }
        }
        FittedPreprocessor f = Preprocessor.forTarget("species").fit(t.selectRows(train));
        NumericEncoding sepal = (NumericEncoding) f.columns().get(0);
        Matrix xTest = f.transform(t.selectRows(test));
        for (int k = 0; k < test.length; k++) {
            double raw = Double.parseDouble(t.cell(test[k], 0));
            assertClose(xTest.get(k, 0), (raw - sepal.mean()) / sepal.std(), 1e-14, 1e-14, "held-out sepal_length");
        }
        assertStandardised(f.transform(t.selectRows(train)));
    }

    @Test
    void tasksOfDiabetesAndDigits() {
        Table diabetes = Table.readCsv(DATA.resolve("diabetes.csv"));
        PreparedData d = Preprocessor.forTarget("progression").fit(diabetes).prepare(diabetes);
        assertEquals(Task.REGRESSION, d.task());
        assertEquals("442x10", d.x().shape());
        assertEquals("442x1", d.y().shape());
        assertEquals(151.0, d.y().get(0, 0));
        Table digits = Table.readCsv(DATA.resolve("digits.csv"));
        TargetEncoding target = TargetEncoding.fit(digits, "digit", null);
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
                ((ClassificationTarget) target).classes());
    }
}
