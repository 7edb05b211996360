package org.featurelab.benchmark;

import org.featurelab.linalg.Matrix;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One dataset of the UCI-121 collection in the "data_py" format (see ../shared/data/README.md). The folder
 * {@code <dir>/<name>/} holds {@code <name>_py.dat} (n rows of comma-separated features), {@code labels_py.dat}
 * (n 0-based integer labels), and {@code folds_py.dat} / {@code validation_folds_py.dat} (n rows × 4 columns of
 * 0/1 marking the test and validation rows of each fold).
 *
 * <p>The four test folds are <em>not</em> a partition of the rows: in the shipped data every test fold has the
 * same size (mostly ⌊n/4⌋) and a row may be a test row of 0 to 4 folds. Within a fold the test and validation
 * rows are disjoint.
 *
 * @param name            dataset name (the folder name)
 * @param x               features (n×d), already standardised by the collection
 * @param labels          class of each row, in 0..classCount−1
 * @param classCount      1 + the largest label
 * @param testFolds       [fold][row]: row is a test row of the fold
 * @param validationFolds [fold][row]: row is a validation row of the fold
 */
public record UciDataset(String name, Matrix x, int[] labels, int classCount, boolean[][] testFolds,
                         boolean[][] validationFolds) {

    /** Number of folds in the data_py format. */
    public static final int FOLDS = 4;

    /** One line of {@code INDEX.tsv}. */
    public record Entry(String name, int rows, int features, int classes) {
    }

    /** The rows of fold j: train (every row neither test nor validation), validation and test, each ascending. */
    public record Fold(int index, int[] train, int[] validation, int[] test) {
    }

    public UciDataset {
        int n = x.rows();
        if (labels.length != n || testFolds.length != FOLDS || validationFolds.length != FOLDS) {
            throw new IllegalArgumentException("uci " + name + ": X is " + x.shape() + " but there are " + labels.length
                    + " labels and " + testFolds.length + "/" + validationFolds.length + " test/validation folds");
        }
        for (int j = 0; j < FOLDS; j++) {
            if (testFolds[j].length != n || validationFolds[j].length != n) {
                throw new IllegalArgumentException("uci " + name + ": fold " + j + " marks " + testFolds[j].length
                        + " test and " + validationFolds[j].length + " validation rows, expected " + n);
            }
        }
        for (int label : labels) {
            if (label < 0 || label >= classCount) {
                throw new IllegalArgumentException("uci " + name + ": label " + label + " is outside 0.." + (classCount - 1));
            }
        }
    }

    /** Number of rows n. */
    public int size() {
        return x.rows();
    }

    /** Number of features d. */
    public int features() {
        return x.cols();
    }

    /**
     * The train / validation / test rows of fold {@code j} (0..3): test = folds[:,j] = 1, validation =
     * validation_folds[:,j] = 1, train = every other row.
     *
     * @throws IllegalArgumentException if a row is marked both test and validation
     */
    public Fold fold(int j) {
        if (j < 0 || j >= FOLDS) {
            throw new IllegalArgumentException("uci " + name + ": fold must be in 0.." + (FOLDS - 1) + ", got " + j);
        }
        int n = size();
        int[] role = new int[n]; // 0 train, 1 validation, 2 test
        int nTest = 0;
        int nVal = 0;
        for (int i = 0; i < n; i++) {
            if (testFolds[j][i] && validationFolds[j][i]) {
                throw new IllegalArgumentException("uci " + name + ": row " + (i + 1) + " is marked both test and validation in fold " + j);
            }
            role[i] = testFolds[j][i] ? 2 : validationFolds[j][i] ? 1 : 0;
            nTest += role[i] == 2 ? 1 : 0;
            nVal += role[i] == 1 ? 1 : 0;
        }
        int[] train = new int[n - nTest - nVal];
        int[] validation = new int[nVal];
        int[] test = new int[nTest];
        int a = 0;
        int b = 0;
        int c = 0;
        for (int i = 0; i < n; i++) {
            switch (role[i]) {
                case 0 -> train[a++] = i;
                case 1 -> validation[b++] = i;
                default -> test[c++] = i;
            }
        }
        return new Fold(j, train, validation, test);
    }

    /** Loads {@code dir/name/}. */
    public static UciDataset load(Path dir, String name) {
        return load(dir.resolve(name));
    }

    /** Loads a dataset folder; the dataset name is the folder name. */
    public static UciDataset load(Path folder) {
        String name = folder.getFileName().toString();
        double[][] features = readTable(folder.resolve(name + "_py.dat"), -1, false);
        int n = features.length;
        double[][] labelRows = readTable(folder.resolve("labels_py.dat"), 1, true);
        boolean[][] test = readFolds(folder.resolve("folds_py.dat"));
        boolean[][] validation = readFolds(folder.resolve("validation_folds_py.dat"));
        Path labelFile = folder.resolve("labels_py.dat");
        if (labelRows.length != n) {
            throw new IllegalArgumentException(labelFile + " has " + labelRows.length + " labels but the features file has " + n + " rows");
        }
        for (boolean[][] folds : List.of(test, validation)) {
            if (folds[0].length != n) {
                throw new IllegalArgumentException("uci " + name + ": a folds file has " + folds[0].length
                        + " rows but the features file has " + n);
            }
        }
        int[] labels = new int[n];
        int classes = 0;
        for (int i = 0; i < n; i++) {
            double v = labelRows[i][0];
            if (v < 0 || v != Math.rint(v)) {
                throw new IllegalArgumentException(labelFile + " line " + (i + 1) + ": label " + v + " is not a non-negative integer");
            }
            labels[i] = (int) v;
            classes = Math.max(classes, labels[i] + 1);
        }
        int d = n == 0 ? 0 : features[0].length;
        double[] data = new double[n * d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(features[i], 0, data, i * d, d);
        }
        return new UciDataset(name, Matrix.wrap(n, d, data), labels, classes, test, validation);
    }

    /** The datasets listed in {@code dir/INDEX.tsv} (header {@code dataset n d classes}), in file order. */
    public static List<Entry> list(Path dir) {
        Path index = dir.resolve("INDEX.tsv");
        List<String> lines = lines(index);
        List<Entry> entries = new ArrayList<>();
        for (int k = 1; k < lines.size(); k++) {
            String line = lines.get(k);
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 4) {
                throw new IllegalArgumentException(index + " line " + (k + 1) + " has " + f.length + " fields, expected 4 (dataset, n, d, classes)");
            }
            try {
                entries.add(new Entry(f[0].strip(), Integer.parseInt(f[1].strip()), Integer.parseInt(f[2].strip()),
                        Integer.parseInt(f[3].strip())));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(index + " line " + (k + 1) + ": n, d and classes must be integers, got '" + line + "'");
            }
        }
        return entries;
    }

    /** n×4 0/1 file → [fold][row]. */
    private static boolean[][] readFolds(Path file) {
        double[][] rows = readTable(file, FOLDS, true);
        boolean[][] folds = new boolean[FOLDS][rows.length];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < FOLDS; j++) {
                double v = rows[i][j];
                if (v != 0 && v != 1) {
                    throw new IllegalArgumentException(file + " line " + (i + 1) + ": fold marks must be 0 or 1, got " + v);
                }
                folds[j][i] = v == 1;
            }
        }
        return folds;
    }

    /**
     * Comma-separated numbers, one row a line (trailing blank lines ignored); every row must have {@code width}
     * values, or the width of the first row when {@code width} &lt; 0.
     */
    private static double[][] readTable(Path file, int width, boolean integers) {
        List<String> lines = lines(file);
        int end = lines.size();
        while (end > 0 && lines.get(end - 1).isBlank()) {
            end--;
        }
        double[][] rows = new double[end][];
        int expected = width;
        for (int k = 0; k < end; k++) {
            String line = lines.get(k);
            String[] f = line.split(",", -1);
            if (expected < 0) {
                expected = f.length;
            }
            if (f.length != expected) {
                throw new IllegalArgumentException(file + " line " + (k + 1) + " has " + f.length + " values, expected " + expected);
            }
            double[] row = new double[f.length];
            for (int j = 0; j < f.length; j++) {
                try {
                    row[j] = integers ? Integer.parseInt(f[j].strip()) : Double.parseDouble(f[j].strip());
                } catch (NumberFormatException e) {
                    row[j] = Double.NaN;
                }
                if (!Double.isFinite(row[j])) {
                    throw new IllegalArgumentException(file + " line " + (k + 1) + " value " + (j + 1) + " ('" + f[j].strip()
                            + "') is not a finite " + (integers ? "integer" : "number"));
                }
            }
            rows[k] = row;
        }
        return rows;
    }

    private static List<String> lines(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("uci: missing file " + file);
        }
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("uci: cannot read " + file, e);
        }
    }
}
