package org.featurelab.encoding;

import org.featurelab.base.Task;
import org.featurelab.linalg.Matrix;
import org.featurelab.table.Table;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.featurelab.testing.Close.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TargetEncodingTest {
    private static Table targets(String... values) {
        List<String[]> rows = new ArrayList<>();
        for (String v : values) {
            rows.add(new String[] {"0", v});
        }
        return Table.of(List.of("x", "y"), rows);
    }

    @Test
    void detectsTheTask() {
        assertEquals(Task.CLASSIFICATION, TargetEncoding.detectTask(targets("cat", "dog", "cat"), "y"));
        assertEquals(Task.CLASSIFICATION, TargetEncoding.detectTask(targets("1", "2", "x"), "y"), "any text");
        String[] digits = new String[40];
        for (int i = 0; i < digits.length; i++) {
            digits[i] = Integer.toString(i % 10);
        }
        assertEquals(Task.CLASSIFICATION, TargetEncoding.detectTask(targets(digits), "y"));
        assertEquals(Task.CLASSIFICATION, TargetEncoding.detectTask(targets("0.0", "1.0", "1"), "y"), "integral floats");
        assertEquals(Task.REGRESSION, TargetEncoding.detectTask(targets("0.5", "1", "2"), "y"));
        String[] many = new String[21];
        for (int i = 0; i < many.length; i++) {
            many[i] = Integer.toString(i);
        }
        assertEquals(Task.REGRESSION, TargetEncoding.detectTask(targets(many), "y"), "21 distinct integers");
        assertEquals(Task.CLASSIFICATION,
                TargetEncoding.detectTask(targets(java.util.Arrays.copyOf(many, 20)), "y"), "20 distinct integers");
    }

    @Test
    void numericClassesSortNumericallyAndMatchByValue() {
        TargetEncoding t = TargetEncoding.fit(targets("10", "2", "-1", "2"), "y", null);
        ClassificationTarget c = (ClassificationTarget) t;
        assertEquals(List.of("-1", "2", "10"), c.classes());
        assertArrayEquals(new int[] {2, 1, 0, 1}, c.labels(targets("10", "2", "-1", "2")));
        assertEquals(1, c.indexOf("2.0"));
        assertEquals(-1, c.indexOf("3"));
        assertEquals("10", c.label(2));
        assertClose(c.encode(targets("2.0", "-1")), Matrix.of(new double[][] {{0, 1, 0}, {1, 0, 0}}), 0, 0, "Y");
    }

    @Test
    void textClassesSortLexicographically() {
        ClassificationTarget c = (ClassificationTarget) TargetEncoding.fit(
                targets("versicolor", "setosa", "virginica", "setosa"), "y", null);
        assertEquals(List.of("setosa", "versicolor", "virginica"), c.classes());
        assertEquals(3, c.classCount());
        assertClose(c.encode(targets("virginica", "setosa")), Matrix.of(new double[][] {{0, 0, 1}, {1, 0, 0}}), 0, 0,
                "Y");
    }

    @Test
    void unseenClassIsAnErrorNamingIt() {
        TargetEncoding t = TargetEncoding.fit(targets("a", "b"), "y", null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> t.encode(targets("a", "b", "c")));
        assertTrue(e.getMessage().contains("row 3") && e.getMessage().contains("'c'")
                && e.getMessage().contains("classes: a, b"), e.getMessage());
    }

    @Test
    void regressionGivesAColumnAndOverridesDetection() {
        TargetEncoding t = TargetEncoding.fit(targets("1", "0", "1"), "y", Task.REGRESSION);
        assertEquals(new RegressionTarget("y"), t);
        assertClose(t.encode(targets("1.5", "-2e1")), Matrix.of(new double[][] {{1.5}, {-20}}), 0, 0, "y");
        TargetEncoding forced = TargetEncoding.fit(targets("0.5", "1.5", "0.5"), "y", Task.CLASSIFICATION);
        assertEquals(new ClassificationTarget("y", List.of("0.5", "1.5")), forced);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TargetEncoding.fit(targets("1", "cat"), "y", Task.REGRESSION));
        assertTrue(e.getMessage().contains("row 2") && e.getMessage().contains("'cat'"), e.getMessage());
    }

    @Test
    void taskParsing() {
        assertEquals(Task.CLASSIFICATION, Task.parse(" Classification "));
        assertEquals(Task.REGRESSION, Task.parse("regression"));
        assertEquals("regression", Task.REGRESSION.label());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Task.parse("ranking"));
        assertTrue(e.getMessage().contains("ranking"), e.getMessage());
    }
}
