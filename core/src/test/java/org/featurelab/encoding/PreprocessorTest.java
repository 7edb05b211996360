package org.featurelab.encoding;

import org.featurelab.base.Task;
import org.featurelab.linalg.Matrix;
import org.featurelab.table.Table;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.featurelab.testing.Close.ROUNDOFF;
import static org.featurelab.testing.Close.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Expected values are computed in each test from the fixture cells (mean, population std). */
class PreprocessorTest {
    private static Table table(List<String> names, String[]... rows) {
        return Table.of(names, List.of(rows));
    }

    /** a: numeric, no missing; b: numeric with missing; colour: categorical with missing; y: target. */
    private static Table train() {
        return table(List.of("a", "b", "colour", "y"),
                new String[] {"1", "1", "red", "p"},
                new String[] {"2", "NA", "blue", "q"},
                new String[] {"3", "3", "NA", "p"},
                new String[] {"4", "", "red", "q"});
    }

    @Test
    void featureNamesAndSourceColumns() {
        FittedPreprocessor f = Preprocessor.forTarget("y").fit(train());
        assertEquals(List.of("a", "b", "b_missing", "colour=blue", "colour=red", "colour_missing"), f.featureNames());
        assertEquals(List.of("a", "b", "b", "colour", "colour", "colour"),
                List.of(f.sourceColumn(0), f.sourceColumn(1), f.sourceColumn(2), f.sourceColumn(3),
                        f.sourceColumn(4), f.sourceColumn(5)));
        assertEquals(List.of("a", "b", "colour"), f.inputColumns());
        assertEquals(List.of(new NumericEncoding("a", 2.5, Math.sqrt(1.25), false),
                new NumericEncoding("b", 2.0, 1.0, true),
                new CategoricalEncoding("colour", List.of("blue", "red"), true)), f.columns());
    }

    @Test
    void trainingMatrixStandardisesImputesAndOneHots() {
        Matrix x = Preprocessor.forTarget("y").fit(train()).transform(train());
        double s = Math.sqrt(((1.5 * 1.5) + (0.5 * 0.5)) * 2 / 4); // population std of 1,2,3,4
        Matrix expected = Matrix.of(new double[][] {
                {(1 - 2.5) / s, -1, 0, 0, 1, 0},
                {(2 - 2.5) / s, 0, 1, 1, 0, 0},
                {(3 - 2.5) / s, 1, 0, 0, 0, 1},
                {(4 - 2.5) / s, 0, 1, 0, 1, 0}});
        assertClose(x, expected, ROUNDOFF, ROUNDOFF, "train X");
    }

    @Test
    void newDataUsesTrainingStatisticsAndUnseenCategoryIsZeros() {
        FittedPreprocessor f = Preprocessor.forTarget("y").fit(train());
        // different order, extra column, no target, values outside the training range
        Table test = table(List.of("extra", "colour", "b", "a"),
                new String[] {"zzz", "green", "5", "10"},
                new String[] {"zzz", "blue", "?", "0"},
                new String[] {"zzz", "", "-1", "2.5"});
        Matrix x = f.transform(test);
        double s = Math.sqrt(1.25);
        Matrix expected = Matrix.of(new double[][] {
                {(10 - 2.5) / s, (5 - 2.0) / 1.0, 0, 0, 0, 0},
                {(0 - 2.5) / s, 0, 1, 1, 0, 0},
                {0, (-1 - 2.0) / 1.0, 0, 0, 0, 1}});
        assertClose(x, expected, ROUNDOFF, ROUNDOFF, "test X");
    }

    @Test
    void missingAtTransformWithoutIndicatorIsImputedAndUnseenMissingCategoryIsZeros() {
        Table trainNoMissing = table(List.of("a", "c", "y"),
                new String[] {"0", "u", "1.5"}, new String[] {"4", "v", "2.5"}, new String[] {"8", "u", "3.25"});
        FittedPreprocessor f = Preprocessor.forTarget("y").fit(trainNoMissing);
        assertEquals(List.of("a", "c=u", "c=v"), f.featureNames());
        assertEquals(Task.REGRESSION, f.task());
        Matrix x = f.transform(table(List.of("a", "c"), new String[] {"NA", "NA"}, new String[] {"4", "v"}));
        assertClose(x, Matrix.of(new double[][] {{0, 0, 0}, {0, 0, 1}}), 0, 0, "imputed X");
    }

    @Test
    void constantColumnGetsUnitStdAndDropRemovesColumns() {
        Table t = table(List.of("id", "k", "v", "y"),
                new String[] {"1", "0.1", "1", "a"}, new String[] {"2", "0.1", "3", "b"}, new String[] {"3", "0.1", "5", "a"});
        FittedPreprocessor f = Preprocessor.forTarget("y").withDrop(List.of("id")).fit(t);
        assertEquals(List.of("k", "v"), f.featureNames());
        assertEquals(new NumericEncoding("k", 0.1, 1.0, false), f.columns().get(0));
        Matrix x = f.transform(t);
        double s = Math.sqrt(8.0 / 3.0);
        assertClose(x, Matrix.of(new double[][] {{0, -2 / s}, {0, 0}, {0, 2 / s}}), ROUNDOFF, ROUNDOFF, "X");
    }

    @Test
    void fitUsesOnlyTheRowsItIsGiven() {
        Table all = table(List.of("a", "y"),
                new String[] {"0", "1"}, new String[] {"2", "0"}, new String[] {"100", "1"}, new String[] {"4", "0"});
        FittedPreprocessor f = Preprocessor.forTarget("y").fit(all.selectRows(new int[] {0, 1, 3}));
        NumericEncoding a = (NumericEncoding) f.columns().get(0);
        assertClose(a.mean(), 2.0, ROUNDOFF, 0, "mean of 0,2,4");
        assertClose(a.std(), Math.sqrt(8.0 / 3.0), ROUNDOFF, 0, "std of 0,2,4");
        assertClose(f.transform(all.selectRows(new int[] {2})).get(0, 0), 98 / Math.sqrt(8.0 / 3.0), ROUNDOFF, 0,
                "held-out row");
    }

    @Test
    void restoredFromEncodingsTransformsIdentically() {
        FittedPreprocessor f = Preprocessor.forTarget("y").fit(train());
        FittedPreprocessor restored = FittedPreprocessor.of(List.copyOf(f.columns()),
                new ClassificationTarget("y", List.of("p", "q")));
        assertEquals(f, restored);
        assertEquals(f.featureNames(), restored.featureNames());
        assertClose(restored.transform(train()), f.transform(train()), 0, 0, "restored X");
    }

    @Test
    void prepareGivesXAndOneHotY() {
        PreparedData d = Preprocessor.forTarget("y").fit(train()).prepare(train());
        assertEquals(4, d.rows());
        assertEquals(6, d.x().cols());
        assertClose(d.y(), Matrix.of(new double[][] {{1, 0}, {0, 1}, {1, 0}, {0, 1}}), 0, 0, "Y");
        assertEquals(List.of(0, 1, 0, 1), java.util.Arrays.stream(d.labels()).boxed().toList());
    }

    @Test
    void encodingRecordsValidate() {
        assertThrows(IllegalArgumentException.class, () -> new NumericEncoding("a", 0, 0, false));
        assertThrows(IllegalArgumentException.class, () -> new NumericEncoding("a", Double.NaN, 1, false));
        assertThrows(IllegalArgumentException.class,
                () -> new CategoricalEncoding("c", List.of("b", "a"), false));
        assertThrows(IllegalArgumentException.class, () -> FittedPreprocessor.of(
                List.of(new NumericEncoding("y", 0, 1, false)), new RegressionTarget("y")));
        assertEquals(3, new CategoricalEncoding("c", List.of("a", "b"), true).width());
    }
}
