package org.featurelab.spark;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;
import org.featurelab.base.Task;
import org.featurelab.linalg.Matrix;
import org.featurelab.rfm.LabeledData;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/**
 * The training rows of a fit, numbered and cached on the executors, checked in one pass: n, d, c (classes, or 1),
 * every feature finite, every vector of the same length, labels finite (and class indices 0, 1, … for
 * classification).
 */
final class TrainingRows {
    final JavaRDD<IndexedRow> rows;
    final int size;
    final int dimension;
    final int outputs;
    final Task task;

    private TrainingRows(JavaRDD<IndexedRow> rows, int size, int dimension, int outputs, Task task) {
        this.rows = rows;
        this.size = size;
        this.dimension = dimension;
        this.outputs = outputs;
        this.task = task;
    }

    /** Numbers, caches and checks the rows of {@code dataset} ({@code featuresCol} a vector, {@code labelCol} numeric). */
    static TrainingRows of(Dataset<?> dataset, String featuresCol, String labelCol, Task task) {
        Dataset<Row> df = dataset.select(functions.col(featuresCol), functions.col(labelCol).cast("double"));
        JavaRDD<IndexedRow> rows = df.javaRDD().zipWithIndex().map(t -> {
            if (t._2() > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("featurelab-spark: more than 2^31 training rows");
            }
            Row r = t._1();
            if (r.isNullAt(0) || r.isNullAt(1)) {
                throw new IllegalArgumentException("featurelab-spark: row " + t._2() + " has a null "
                        + (r.isNullAt(0) ? "features vector" : "label"));
            }
            return new IndexedRow((int) (long) t._2(), ((Vector) r.get(0)).toArray(), r.getDouble(1));
        });
        rows.persist(StorageLevel.MEMORY_AND_DISK());
        boolean ok = false;
        try {
            Summary s = rows.map(Summary::of).fold(Summary.EMPTY, Summary::merge);
            String problem = s.problem(task);
            if (problem != null) {
                throw new IllegalArgumentException("featurelab-spark: " + problem);
            }
            int outputs = task == Task.CLASSIFICATION ? (int) s.maxLabel + 1 : 1;
            ok = true;
            return new TrainingRows(rows, (int) s.count, s.minDim, outputs, task);
        } catch (Exception e) {
            throw Errors.rethrow(e);
        } finally {
            if (!ok) {
                rows.unpersist(false);
            }
        }
    }

    /** The rows as {@link LabeledData} (one-hot targets for classification), in the list's order. */
    static LabeledData labeled(List<IndexedRow> list, int dimension, int outputs, Task task) {
        int m = list.size();
        double[] x = new double[m * dimension];
        double[] y = new double[m * outputs];
        for (int i = 0; i < m; i++) {
            IndexedRow r = list.get(i);
            System.arraycopy(r.features(), 0, x, i * dimension, dimension);
            if (task == Task.CLASSIFICATION) {
                y[i * outputs + (int) r.label()] = 1.0;
            } else {
                y[i] = r.label();
            }
        }
        return new LabeledData(Matrix.wrap(m, dimension, x), Matrix.wrap(m, outputs, y));
    }

    /** What one pass over the rows learns about them (a plain class: Kryo 4 cannot write records). */
    static final class Summary implements Serializable {
        private static final long serialVersionUID = 1L;
        /** The summary of no rows, the identity of {@link #merge}. */
        static final Summary EMPTY = new Summary(0, Integer.MAX_VALUE, -1, -1, -1, Double.NEGATIVE_INFINITY, true);
        final long count;
        final int minDim;
        final int maxDim;
        final long firstNonFinite;
        final long firstBadLabel;
        final double maxLabel;
        final boolean integral;

        Summary(long count, int minDim, int maxDim, long firstNonFinite, long firstBadLabel, double maxLabel,
                boolean integral) {
            this.count = count;
            this.minDim = minDim;
            this.maxDim = maxDim;
            this.firstNonFinite = firstNonFinite;
            this.firstBadLabel = firstBadLabel;
            this.maxLabel = maxLabel;
            this.integral = integral;
        }

        static Summary of(IndexedRow r) {
            long nonFinite = -1;
            for (double v : r.features()) {
                if (!Double.isFinite(v)) {
                    nonFinite = r.index();
                    break;
                }
            }
            double y = r.label();
            boolean integral = y >= 0 && y == Math.rint(y) && y < 1e6;
            long badLabel = Double.isFinite(y) ? -1 : r.index();
            return new Summary(1, r.features().length, r.features().length, nonFinite, badLabel,
                    Double.isFinite(y) ? y : Double.NEGATIVE_INFINITY, integral);
        }

        Summary merge(Summary o) {
            return new Summary(count + o.count, Math.min(minDim, o.minDim), Math.max(maxDim, o.maxDim),
                    first(firstNonFinite, o.firstNonFinite), first(firstBadLabel, o.firstBadLabel),
                    Math.max(maxLabel, o.maxLabel), integral && o.integral);
        }

        private static long first(long a, long b) {
            return a < 0 ? b : b < 0 ? a : Math.min(a, b);
        }

        /** The first thing wrong with the rows for {@code task}, or null. */
        String problem(Task task) {
            if (count < 2) {
                return "the training Dataset has " + count + " row" + (count == 1 ? "" : "s") + "; at least 2 are needed";
            }
            if (minDim != maxDim) {
                return String.format(Locale.ROOT, "the features vectors have different lengths (%d to %d)", minDim, maxDim);
            }
            if (minDim == 0) {
                return "the features vectors are empty";
            }
            if (firstNonFinite >= 0) {
                return "row " + firstNonFinite + " has a NaN or infinite feature (impute or drop such rows first)";
            }
            if (firstBadLabel >= 0) {
                return "row " + firstBadLabel + " has a NaN or infinite label";
            }
            if (task == Task.CLASSIFICATION && !integral) {
                return "classification labels must be class indices 0, 1, 2, … (use StringIndexer)";
            }
            if (task == Task.CLASSIFICATION && maxLabel < 1) {
                return "classification needs at least two classes; the largest label is " + maxLabel;
            }
            return null;
        }
    }
}
