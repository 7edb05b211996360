package org.featurelab.experiment;

import org.featurelab.base.SampleStatistics;
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
 * so no experiment depends on files outside it), a CSV file (target = last column), MNIST-format IDX files in a directory
 * (train and, when present, t10k files),
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
    /** Relative sd below which {@link #standardized} treats a column as constant (round-off of the two-pass sd). */
    private static final double CONSTANT = 1e-12;
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
     * MNIST-format IDX files (MNIST, Fashion-MNIST) from a directory holding {@code train-images-idx3-ubyte} and
     * {@code train-labels-idx1-ubyte} (each optionally {@code .gz}): pixels in [0, 1], one-hot labels over the training
     * file's classes; a seeded subsample of {@code trainSize} training-file rows for training. Test rows: when the
     * directory also holds {@code t10k-images-idx3-ubyte} and {@code t10k-labels-idx1-ubyte} (MNIST's test split), a
     * seeded subsample of {@code testSize} of their rows; otherwise {@code testSize} further rows of the training file
     * (disjoint from the training rows). The training permutation is the same in both cases ({@code seed}); the t10k
     * subsample uses an independent stream split from it. {@link #source} names the files read.
     */
    public static NetworkData mnist(Path dir, int trainSize, int testSize, long seed) {
        Path images = find(dir, "train-images-idx3-ubyte");
        Path labels = find(dir, "train-labels-idx1-ubyte");
        Path testImages = findOptional(dir, "t10k-images-idx3-ubyte");
        Path testLabels = findOptional(dir, "t10k-labels-idx1-ubyte");
        if ((testImages == null) != (testLabels == null)) {
            throw new IllegalArgumentException("IDX dir " + dir + ": " + (testImages == null ? "t10k-labels" : "t10k-images")
                    + " without " + (testImages == null ? "t10k-images" : "t10k-labels") + " (need both or neither)");
        }
        Idx.Labeled all = Idx.readLabeled(images, labels);
        int[] classes = all.classes();
        Matrix y = all.oneHot();
        int n = all.x().rows();
        String read = "IDX dir " + dir + " (train: " + images.getFileName() + ", " + labels.getFileName() + "; test: ";
        int[] order = permutation(n, seed);
        if (testImages == null) {
            if (trainSize + testSize > n) {
                throw new IllegalArgumentException(trainSize + " training plus " + testSize + " test rows exceed the " + n
                        + " images in " + images);
            }
            int[] tr = sorted(order, 0, trainSize);
            int[] te = sorted(order, trainSize, trainSize + testSize);
            return new NetworkData(new TrainingData(all.x().selectRows(tr), y.selectRows(tr)),
                    new TrainingData(all.x().selectRows(te), y.selectRows(te)), true,
                    read + "further rows of the training file, no t10k files)");
        }
        if (trainSize > n) {
            throw new IllegalArgumentException(trainSize + " training rows exceed the " + n + " images in " + images);
        }
        Idx.Labeled test = Idx.readLabeled(testImages, testLabels);
        if (test.x().cols() != all.x().cols() || Arrays.stream(test.classes()).anyMatch(c -> Arrays.binarySearch(classes, c) < 0)) {
            throw new IllegalArgumentException("IDX dir " + dir + ": " + testImages.getFileName() + " has "
                    + test.x().cols() + " pixels and classes " + Arrays.toString(test.classes()) + ", the training file "
                    + all.x().cols() + " and " + Arrays.toString(classes));
        }
        int m = test.x().rows();
        if (testSize > m) {
            throw new IllegalArgumentException(testSize + " test rows exceed the " + m + " images in " + testImages);
        }
        int[] tr = sorted(order, 0, trainSize);
        int[] te = sorted(permutation(m, new SplittableRandom(seed).split().nextLong()), 0, testSize);
        return new NetworkData(new TrainingData(all.x().selectRows(tr), y.selectRows(tr)),
                new TrainingData(test.x().selectRows(te), oneHot(test.labels(), classes).selectRows(te)), true,
                read + testImages.getFileName() + ", " + testLabels.getFileName() + ")");
    }

    /**
     * The same task with every input column standardised by the training rows' statistics: x_j ← (x_j − μ_j)/σ_j, μ_j
     * and σ_j (population sd) the mean and sd of column j over {@link #train} only, applied to train and test; a column
     * constant on the training rows (σ_j ≤ 10⁻¹²·max(1, |μ_j|), round-off of a constant) is only centred. Each training column then has mean 0 and variance 1 (or
     * is 0). Cost O((n + n_test)·d).
     */
    public NetworkData standardized() {
        Matrix x = train.inputs();
        int n = x.rows();
        int d = x.cols();
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (int j = 0; j < d; j++) {
            double[] col = x.column(j);
            mean[j] = SampleStatistics.mean(col);
            double sd = SampleStatistics.populationSd(col);
            scale[j] = sd > CONSTANT * Math.max(1, Math.abs(mean[j])) ? 1 / sd : 1;
        }
        return new NetworkData(new TrainingData(standardize(x, mean, scale), train.targets()),
                new TrainingData(standardize(test.inputs(), mean, scale), test.targets()), classification,
                source + ", pixels standardised with the training rows' mean and sd (n = " + n + ")");
    }

    /**
     * The same task with every input multiplied by {@code c} (train and test), x ← c·x; for a bias-free ReLU network
     * f(cx) = c·f(x) and the tangent kernel scales by c², so this is a change of the effective learning rate by c².
     */
    public NetworkData inputsScaled(double c) {
        if (!(c > 0) || !Double.isFinite(c)) {
            throw new IllegalArgumentException("inputs scaled: c must be positive and finite, got " + c);
        }
        return new NetworkData(new TrainingData(train.inputs().scale(c), train.targets()),
                new TrainingData(test.inputs().scale(c), test.targets()), classification,
                source + String.format(java.util.Locale.ROOT, ", inputs times %.6g", c));
    }

    private static Matrix standardize(Matrix x, double[] mean, double[] scale) {
        int d = x.cols();
        Matrix out = x.copy();
        double[] v = out.data();
        for (int i = 0; i < x.rows(); i++) {
            for (int j = 0; j < d; j++) {
                v[i * d + j] = (v[i * d + j] - mean[j]) * scale[j];
            }
        }
        return out;
    }

    private static Matrix oneHot(int[] labels, int[] classes) {
        Matrix y = Matrix.zeros(labels.length, classes.length);
        for (int i = 0; i < labels.length; i++) {
            y.set(i, Arrays.binarySearch(classes, labels[i]), 1.0);
        }
        return y;
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
        Path p = findOptional(dir, stem);
        if (p == null) {
            throw new IllegalArgumentException("no " + stem + "[.gz] (MNIST IDX files) in directory " + dir);
        }
        return p;
    }

    private static Path findOptional(Path dir, String stem) {
        for (String name : List.of(stem, stem + ".gz", stem.replace("-idx", ".idx"), stem.replace("-idx", ".idx") + ".gz")) {
            Path p = dir.resolve(name);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

}
