package org.featurelab.experiment;

import org.featurelab.base.Task;
import org.featurelab.encoding.PreparedData;
import org.featurelab.encoding.Preprocessor;
import org.featurelab.linalg.Matrix;
import org.featurelab.nn.TrainingData;
import org.featurelab.table.Idx;
import org.featurelab.table.Table;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Train/test data for the network experiments ({@code experiment.fact.FactValidation}, {@code experiment.alignment.CenteredNfa}): the bundled
 * {@code breast_cancer} table (resource {@code /datasets/breast_cancer.csv}, 569 × 30, two classes — part of the jar,
 * so no experiment depends on files outside it), a CSV file (target = last column), MNIST IDX files in a directory,
 * and the synthetic chain monomial f*(x) = Σ_{i=1}^{r} xᵢxᵢ₊₁ on x ~ N(0, I_d). Tables are split first and the
 * preprocessing (standardised numeric columns, one-hot classes) is fitted on the training rows only.
 *
 * @param train          training rows
 * @param test           held-out rows
 * @param classification whether Y is one-hot (test error = misclassification rate) or a regression target
 * @param source         what was loaded, for config and notes
 */
public record NetworkData(TrainingData train, TrainingData test, boolean classification, String source) {
    /** The bundled dataset used when no --data is given. */
    public static final String BUNDLED = "breast_cancer";
    private static final String BUNDLED_TARGET = "diagnosis";

    /**
     * The bundled table, or the CSV at {@code csv} (target = last column) when not null, split into
     * ⌊testFraction·n⌋ test rows and the rest (seeded permutation), then capped at {@code maxTrain} training rows.
     */
    public static NetworkData table(Path csv, double testFraction, int maxTrain, long seed) {
        Table table = csv == null ? Table.readBundled(BUNDLED) : Table.readCsv(csv);
        String target = csv == null ? BUNDLED_TARGET : table.columnNames().get(table.columnCount() - 1);
        int n = table.rowCount();
        int[] order = permutation(n, seed);
        int nTest = (int) Math.floor(testFraction * n);
        int nTrain = Math.min(n - nTest, maxTrain);
        if (nTest < 1 || nTrain < 2) {
            throw new IllegalArgumentException("data: " + n + " rows are too few for a train/test split");
        }
        Table train = table.selectRows(sorted(order, nTest, nTest + nTrain));
        Table test = table.selectRows(sorted(order, 0, nTest));
        Preprocessor pre = Preprocessor.forTarget(target).withTask(csv == null ? Task.CLASSIFICATION : null);
        var fitted = pre.fit(train);
        PreparedData tr = fitted.prepare(train);
        PreparedData te = fitted.prepare(test);
        return new NetworkData(new TrainingData(tr.x(), tr.y()), new TrainingData(te.x(), te.y()),
                tr.task() == Task.CLASSIFICATION, csv == null ? "bundled " + BUNDLED + ".csv" : csv.toString());
    }

    /**
     * MNIST from a directory holding {@code train-images-idx3-ubyte} and {@code train-labels-idx1-ubyte} (optionally
     * with {@code .gz}): pixels in [0, 1], one-hot labels; a seeded subsample of {@code trainSize} rows for training and
     * {@code testSize} further rows for testing.
     */
    public static NetworkData mnist(Path dir, int trainSize, int testSize, long seed) {
        Path images = find(dir, "train-images-idx3-ubyte");
        Path labels = find(dir, "train-labels-idx1-ubyte");
        Idx.Labeled all = Idx.readLabeled(images, labels);
        Matrix y = all.oneHot();
        int n = all.x().rows();
        if (trainSize + testSize > n) {
            throw new IllegalArgumentException(trainSize + " training plus " + testSize + " test rows exceed the " + n
                    + " images in " + images);
        }
        int[] order = permutation(n, seed);
        int[] tr = sorted(order, 0, trainSize);
        int[] te = sorted(order, trainSize, trainSize + testSize);
        return new NetworkData(new TrainingData(all.x().selectRows(tr), y.selectRows(tr)),
                new TrainingData(all.x().selectRows(te), y.selectRows(te)), true, "MNIST " + dir);
    }

    /**
     * f*(x) = Σ_{i=1}^{r} xᵢxᵢ₊₁ with x ~ N(0, I_d) (r + 1 ≤ d): {@code n} training and {@code nTest} test rows from a
     * {@link SplittableRandom} seeded with {@code seed}. Var f* = r, so a constant predictor has relative MSE 1.
     */
    public static NetworkData chainMonomial(int d, int r, int n, int nTest, long seed) {
        if (r < 1 || r + 1 > d) {
            throw new IllegalArgumentException("chain monomial: need 1 ≤ r ≤ d − 1, got r = " + r + ", d = " + d);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        return new NetworkData(chain(d, r, n, rng), chain(d, r, nTest, rng), false,
                "chain monomial d=" + d + " r=" + r);
    }

    /**
     * A synthetic classification task with {@code classes} classes: x ~ N(0, I_d), label argmax_c (A x)_c for a teacher
     * A (classes × d) with i.i.d. N(0, 1) entries whose rows are supported on the first {@code relevant} coordinates
     * only; one-hot targets. Drawn from a {@link SplittableRandom} seeded with {@code seed}.
     */
    public static NetworkData teacherClasses(int d, int relevant, int classes, int n, int nTest, long seed) {
        if (relevant < 1 || relevant > d || classes < 2) {
            throw new IllegalArgumentException("teacher classes: need 1 ≤ relevant ≤ d and ≥ 2 classes");
        }
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] a = new double[classes][relevant];
        for (double[] row : a) {
            for (int j = 0; j < relevant; j++) {
                row[j] = rng.nextGaussian();
            }
        }
        return new NetworkData(teacher(a, d, n, rng), teacher(a, d, nTest, rng), true,
                "synthetic teacher classes d=" + d + " relevant=" + relevant + " classes=" + classes);
    }

    private static TrainingData teacher(double[][] a, int d, int n, SplittableRandom rng) {
        int c = a.length;
        Matrix x = Matrix.zeros(n, d);
        Matrix y = Matrix.zeros(n, c);
        double[] xd = x.data();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                xd[i * d + j] = rng.nextGaussian();
            }
            int best = 0;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < c; k++) {
                double s = 0;
                for (int j = 0; j < a[k].length; j++) {
                    s += a[k][j] * xd[i * d + j];
                }
                if (s > bestScore) {
                    bestScore = s;
                    best = k;
                }
            }
            y.data()[i * c + best] = 1;
        }
        return new TrainingData(x, y);
    }

    private static TrainingData chain(int d, int r, int n, SplittableRandom rng) {
        Matrix x = Matrix.zeros(n, d);
        Matrix y = Matrix.zeros(n, 1);
        double[] xd = x.data();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                xd[i * d + j] = rng.nextGaussian();
            }
            double s = 0;
            for (int j = 0; j < r; j++) {
                s += xd[i * d + j] * xd[i * d + j + 1];
            }
            y.data()[i] = s;
        }
        return new TrainingData(x, y);
    }

    /**
     * Test error of predictions P on {@link #test}: misclassification rate (argmax) for classification, else the
     * relative mean squared error Σ‖pᵢ − yᵢ‖² / Σ‖yᵢ − ȳ‖².
     */
    public double testError(Matrix predictions) {
        Matrix y = test.targets();
        int n = y.rows();
        int c = y.cols();
        double[] p = predictions.data();
        double[] t = y.data();
        if (classification) {
            int wrong = 0;
            for (int i = 0; i < n; i++) {
                if (argmax(p, i * c, c) != argmax(t, i * c, c)) {
                    wrong++;
                }
            }
            return (double) wrong / n;
        }
        double num = 0;
        double den = 0;
        for (int j = 0; j < c; j++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += t[i * c + j] / n;
            }
            for (int i = 0; i < n; i++) {
                num += (p[i * c + j] - t[i * c + j]) * (p[i * c + j] - t[i * c + j]);
                den += (t[i * c + j] - mean) * (t[i * c + j] - mean);
            }
        }
        return num / den;
    }

    private static int argmax(double[] v, int from, int len) {
        int best = 0;
        for (int k = 1; k < len; k++) {
            if (v[from + k] > v[from + best]) {
                best = k;
            }
        }
        return best;
    }

    private static int[] permutation(int n, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    private static int[] sorted(int[] order, int from, int to) {
        int[] idx = Arrays.copyOfRange(order, from, to);
        Arrays.sort(idx);
        return idx;
    }

    private static Path find(Path dir, String stem) {
        for (String name : List.of(stem, stem + ".gz", stem.replace("-idx", ".idx"), stem.replace("-idx", ".idx") + ".gz")) {
            Path p = dir.resolve(name);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new IllegalArgumentException("no " + stem + "[.gz] (MNIST IDX files) in directory " + dir);
    }

}
