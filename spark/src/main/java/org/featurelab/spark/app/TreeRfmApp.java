package org.featurelab.spark.app;

import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.featurelab.base.Progress;
import org.featurelab.base.Task;
import org.featurelab.linalg.Matrix;
import org.featurelab.partition.LocalBackend;
import org.featurelab.partition.PartitionedFit;
import org.featurelab.partition.PartitionedRfm;
import org.featurelab.rfm.LabeledData;
import org.featurelab.spark.TreeRfmClassificationModel;
import org.featurelab.spark.TreeRfmClassifier;
import org.featurelab.spark.TreeRfmEstimator;
import org.featurelab.spark.TreeRfmModel;
import org.featurelab.spark.TreeRfmRegressor;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code spark-submit --class org.featurelab.spark.app.TreeRfmApp featurelab-spark.jar --data FILE --label COL ...}:
 * reads a CSV (header, inferred types) or Parquet table, uses every other numeric column as a feature (rows with a
 * missing value are skipped; text labels of classification are indexed), splits off a seeded test fraction, fits the
 * tree-partitioned RFM on the rest, prints the test accuracy or R² and the fit time, and saves the model with
 * {@code --out}. {@code --compare-local} also fits featurelab's single-JVM tree on the same training rows in the
 * driver and prints its time and the largest difference between the two models' test predictions.
 * Bad arguments or input: one line on stderr, exit code 2.
 */
@Command(name = "featurelab-spark", mixinStandardHelpOptions = true,
        description = "Fit a tree-partitioned RFM on Spark and score it on a held-out split.")
public final class TreeRfmApp implements Callable<Integer> {
    @Option(names = "--data", required = true, description = "CSV (with a header) or .parquet file or directory")
    String data;
    @Option(names = "--label", required = true, description = "the target column")
    String label;
    @Option(names = "--task", defaultValue = "classification", description = "classification or regression")
    String task;
    @Option(names = "--max-leaf-size", defaultValue = "5000")
    int maxLeafSize;
    @Option(names = "--max-iter", defaultValue = "5", description = "T: AGOP updates; each leaf keeps the best of 0..T")
    int maxIter;
    @Option(names = "--bandwidth", defaultValue = "10")
    double bandwidth;
    @Option(names = "--reg-param", defaultValue = "1e-3")
    double regParam;
    @Option(names = "--test-fraction", defaultValue = "0.2")
    double testFraction;
    @Option(names = "--seed", defaultValue = "0")
    long seed;
    @Option(names = "--out", description = "save the fitted model here (Spark ML layout)")
    String out;
    @Option(names = "--compare-local", description = "also fit the single-JVM tree in the driver and compare")
    boolean compareLocal;

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new TreeRfmApp());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof IllegalArgumentException || e instanceof org.apache.spark.sql.AnalysisException) {
                String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                cmd.getErr().println("featurelab-spark: " + message.lines().findFirst().orElse(""));
                return 2;
            }
            throw e;
        });
        cli.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println("featurelab-spark: " + e.getMessage());
            return 2;
        });
        System.exit(cli.execute(args));
    }

    @Override
    public Integer call() {
        Task t = Task.parse(task);
        SparkSession spark = SparkSession.builder().appName("featurelab-spark").getOrCreate();
        Dataset<Row> raw = read(spark);
        if (!List.of(raw.columns()).contains(label)) {
            throw new IllegalArgumentException("no column '" + label + "' in " + data);
        }
        List<String> features = new ArrayList<>();
        for (StructField f : raw.schema().fields()) {
            if (!f.name().equals(label) && f.dataType() instanceof NumericType) {
                features.add(f.name());
            }
        }
        if (features.isEmpty()) {
            throw new IllegalArgumentException(data + " has no numeric column besides '" + label + "'");
        }
        Dataset<Row> table = raw.na().drop();
        if (t == Task.CLASSIFICATION) {
            table = new StringIndexer().setInputCol(label).setOutputCol("label_index").setStringOrderType("alphabetAsc")
                    .fit(table).transform(table).drop(label).withColumnRenamed("label_index", label);
        } else {
            table = table.withColumn(label, functions.col(label).cast("double"));
        }
        Dataset<Row> rows = new VectorAssembler().setInputCols(features.toArray(String[]::new)).setOutputCol("features")
                .transform(table).select("features", label);
        Dataset<Row>[] split = rows.randomSplit(new double[]{1 - testFraction, testFraction}, seed);
        Dataset<Row> train = split[0].cache();
        Dataset<Row> test = split[1].cache();
        long n = train.count();
        if (test.isEmpty()) {
            throw new IllegalArgumentException("the test split is empty (--test-fraction " + testFraction + ")");
        }
        System.out.printf(Locale.ROOT, "%d training rows, %d test rows, %d features (%s)%n", n, test.count(),
                features.size(), String.join(",", features));
        TreeRfmEstimator<?, ?> est = t == Task.CLASSIFICATION ? new TreeRfmClassifier() : new TreeRfmRegressor();
        configure(est);
        long start = System.nanoTime();
        TreeRfmModel<?> model = (TreeRfmModel<?>) est.fit(train);
        double seconds = (System.nanoTime() - start) / 1e9;
        Matrix predicted = scores(model, test);
        LabeledData truth = collect(test, t, model.tree().outputs());
        System.out.printf(Locale.ROOT, "spark: %d leaves, fit %.1f s, test %s %.4f%n", model.tree().leaves().size(),
                seconds, t == Task.CLASSIFICATION ? "accuracy" : "R2", score(t, predicted, truth));
        if (compareLocal) {
            LabeledData local = collect(train, t, model.tree().outputs());
            start = System.nanoTime();
            PartitionedFit fit = PartitionedRfm.fit(est.partitionConfig(), est.leafConfig(), t, new LocalBackend(local),
                    Progress.NONE);
            double localSeconds = (System.nanoTime() - start) / 1e9;
            Matrix f = fit.model().predict(truth.x());
            double diff = 0;
            for (int i = 0; i < f.rows(); i++) {
                for (int j = 0; j < f.cols(); j++) {
                    diff = Math.max(diff, Math.abs(f.get(i, j) - predicted.get(i, j)));
                }
            }
            System.out.printf(Locale.ROOT, "one JVM: %d leaves, fit %.1f s, test %s %.4f, max |f_spark - f_local| %.2e%n",
                    fit.model().leaves().size(), localSeconds, t == Task.CLASSIFICATION ? "accuracy" : "R2",
                    score(t, f, truth), diff);
        }
        if (out != null) {
            try {
                model.write().overwrite().save(out);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            System.out.println("model saved to " + out);
        }
        spark.stop();
        return 0;
    }

    private Dataset<Row> read(SparkSession spark) {
        try {
            return data.endsWith(".parquet") ? spark.read().parquet(data)
                    : spark.read().option("header", "true").option("inferSchema", "true").csv(data);
        } catch (Exception e) { // Spark's AnalysisException (no such path, bad format) is checked in Java's eyes
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new IllegalArgumentException("cannot read " + data + ": " + message.lines().findFirst().orElse(""), e);
        }
    }

    private void configure(TreeRfmEstimator<?, ?> est) {
        est.setLabelCol(label).setMaxLeafSize(maxLeafSize).setMaxIter(maxIter).setBandwidth(bandwidth)
                .setRegParam(regParam).setSeed(seed);
    }

    /** The model's scores on {@code test}, in the collected order of {@code test}. */
    private static Matrix scores(TreeRfmModel<?> model, Dataset<Row> test) {
        String column = model instanceof TreeRfmClassificationModel ? "rawPrediction" : "prediction";
        List<Row> rows = model.transform(test).select(column).collectAsList();
        int c = model.tree().outputs();
        double[] f = new double[rows.size() * c];
        for (int i = 0; i < rows.size(); i++) {
            if (c == 1) {
                f[i] = rows.get(i).getDouble(0);
            } else {
                System.arraycopy(((org.apache.spark.ml.linalg.Vector) rows.get(i).get(0)).toArray(), 0, f, i * c, c);
            }
        }
        return Matrix.wrap(rows.size(), c, f);
    }

    private LabeledData collect(Dataset<Row> rows, Task t, int outputs) {
        List<Row> list = rows.collectAsList();
        int d = ((org.apache.spark.ml.linalg.Vector) list.get(0).get(0)).size();
        double[] x = new double[list.size() * d];
        double[] y = new double[list.size() * outputs];
        for (int i = 0; i < list.size(); i++) {
            System.arraycopy(((org.apache.spark.ml.linalg.Vector) list.get(i).get(0)).toArray(), 0, x, i * d, d);
            double v = ((Number) list.get(i).get(1)).doubleValue();
            if (t == Task.CLASSIFICATION) {
                if (v >= outputs) {
                    throw new IllegalArgumentException("class index " + (int) v + " of '" + label
                            + "' is not among the training rows' classes (too few rows of it)");
                }
                y[i * outputs + (int) v] = 1.0;
            } else {
                y[i] = v;
            }
        }
        return new LabeledData(Matrix.wrap(list.size(), d, x), Matrix.wrap(list.size(), outputs, y));
    }

    private static double score(Task t, Matrix f, LabeledData truth) {
        return t == Task.CLASSIFICATION ? org.featurelab.scoring.Scores.accuracy(f, truth.y())
                : org.featurelab.scoring.Scores.r2(f, truth.y());
    }
}
