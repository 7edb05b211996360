package org.featurelab.encoding;

import org.featurelab.base.Listing;
import org.featurelab.base.Task;
import org.featurelab.linalg.Matrix;
import org.featurelab.table.Cells;
import org.featurelab.table.Table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A classification target: class k is {@code classes().get(k)}; Y is the n×c one-hot matrix.
 *
 * <p>Classes are in a deterministic order: by numeric value when every class is a number (so
 * {@code 2 < 10}), else by {@link String#compareTo}. When every class is a number, labels match by value
 * ({@code "1.0"} is class {@code "1"}); otherwise by exact string.
 *
 * @param column the target column
 * @param classes the class labels, at least two, distinct and in the order above
 */
public record ClassificationTarget(String column, List<String> classes) implements TargetEncoding {
    private static final int LISTED_CLASSES = 10;

    public ClassificationTarget {
        if (column == null || column.isEmpty()) {
            throw new IllegalArgumentException("classification target: empty column name");
        }
        classes = List.copyOf(classes);
        if (classes.size() < 2) {
            throw new IllegalArgumentException("classification target '" + column + "': needs at least two classes, got "
                    + classes.size());
        }
        double[] values = numericValues(classes);
        for (int k = 1; k < classes.size(); k++) {
            boolean ordered = values != null ? values[k - 1] < values[k]
                    : classes.get(k - 1).compareTo(classes.get(k)) < 0;
            if (!ordered) {
                throw new IllegalArgumentException("classification target '" + column
                        + "': classes must be distinct and sorted, got '" + classes.get(k - 1) + "' before '"
                        + classes.get(k) + "'");
            }
        }
    }

    /** Fits the classes on training rows: every value present, numeric ones finite, at least two classes. */
    static ClassificationTarget fitClasses(Table table, String column) {
        int j = TargetChecks.requireColumn(table, column);
        Set<String> seen = new LinkedHashSet<>();
        boolean numeric = true;
        for (int i = 0; i < table.rowCount(); i++) {
            String cell = TargetChecks.requireValue(table, j, i);
            double v = Cells.parse(cell);
            if (Double.isInfinite(v)) {
                throw TargetChecks.notFinite(table, j, i);
            }
            numeric &= !Double.isNaN(v);
            seen.add(cell);
        }
        List<String> classes = new ArrayList<>();
        if (numeric) {
            TreeMap<Double, String> byValue = new TreeMap<>();
            for (String label : seen) {
                byValue.putIfAbsent(Cells.parse(label), label);
            }
            classes.addAll(byValue.values());
        } else {
            classes.addAll(new TreeSet<>(seen));
        }
        if (classes.size() < 2) {
            throw new IllegalArgumentException("target '" + column + "' in " + table.describe() + " has only one class ('"
                    + classes.get(0) + "'); classification needs at least two");
        }
        return new ClassificationTarget(column, classes);
    }

    @Override
    public Task task() {
        return Task.CLASSIFICATION;
    }

    /** Number of classes c. */
    public int classCount() {
        return classes.size();
    }

    /** The label of class k. */
    public String label(int k) {
        return classes.get(k);
    }

    /** The class index of a label, or −1 when it is not a training class. Cost O(log c) after an O(c) setup. */
    public int indexOf(String label) {
        return indexOf(label, numericValues(classes));
    }

    /**
     * The class index of every row. Cost O(n log c).
     *
     * @throws IllegalArgumentException when the column is absent or a value is missing, not finite, or a
     *     class not seen in training, naming file, row and value
     */
    public int[] labels(Table table) {
        int j = TargetChecks.requireColumn(table, column);
        double[] values = numericValues(classes);
        int[] out = new int[table.rowCount()];
        for (int i = 0; i < out.length; i++) {
            String cell = TargetChecks.requireValue(table, j, i);
            int k = indexOf(cell, values);
            if (k < 0) {
                if (Double.isInfinite(Cells.parse(cell))) {
                    throw TargetChecks.notFinite(table, j, i);
                }
                throw new IllegalArgumentException(table.locate(i) + ": target '" + column + "' has class '" + cell
                        + "' that was not seen in training (classes: " + listClasses() + ")");
            }
            out[i] = k;
        }
        return out;
    }

    /** The n×c one-hot matrix of {@link #labels(Table)}. */
    @Override
    public Matrix encode(Table table) {
        return oneHot(labels(table), classes.size());
    }

    /** The n×c one-hot matrix with a 1 at (i, labels[i]). */
    public static Matrix oneHot(int[] labels, int classCount) {
        Matrix y = Matrix.zeros(labels.length, classCount);
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classCount) {
                throw new IllegalArgumentException("oneHot: label " + labels[i] + " at " + i + " outside 0.."
                        + (classCount - 1));
            }
            y.set(i, labels[i], 1.0);
        }
        return y;
    }

    private int indexOf(String label, double[] values) {
        String s = label.strip();
        if (values == null) {
            int k = Collections.binarySearch(classes, s);
            return k >= 0 ? k : -1;
        }
        double v = Cells.parse(s);
        if (!Double.isFinite(v)) {
            return -1;
        }
        int k = Arrays.binarySearch(values, v);
        return k >= 0 ? k : -1;
    }

    private String listClasses() {
        return Listing.shorten(classes, LISTED_CLASSES, ", ");
    }

    /** The classes as numbers when every one is a finite number, else null. */
    private static double[] numericValues(List<String> classes) {
        double[] values = new double[classes.size()];
        for (int k = 0; k < values.length; k++) {
            values[k] = Cells.parse(classes.get(k));
            if (!Double.isFinite(values[k])) {
                return null;
            }
        }
        return values;
    }
}
