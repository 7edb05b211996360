package org.featurelab.spark;

import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWriter;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.featurelab.linalg.Matrix;
import org.featurelab.partition.PartitionedFit;
import org.featurelab.partition.PartitionedRfmModel;
import org.featurelab.tabular.TreeRfmArchive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A fitted tree-partitioned RFM as a Spark ML model: {@link #transform} appends the prediction columns, predicting the
 * rows of each partition in batches of {@value #BATCH} (the fitted {@link PartitionedFit} is broadcast once per
 * call). Immutable (its params aside, as every Spark stage). Saved with Spark ML's writer conventions:
 * {@code path/metadata} (the params, by {@code DefaultParamsWriter}) and {@code path/data/model.flm}, the featurelab
 * model file ({@link TreeRfmArchive}: versioned, with provenance), through the Hadoop file system of the path.
 *
 * @param <M> the concrete model
 */
public abstract class TreeRfmModel<M extends TreeRfmModel<M>> extends Model<M> implements MLWritable {
    private static final long serialVersionUID = 1L;
    /** Rows predicted together (one kernel block per leaf). */
    static final int BATCH = 1024;
    static final String DATA_FILE = "data/model.flm";

    private final String uid;
    private final PartitionedFit fit;
    private final int iterations;
    private final Param<String> featuresCol;
    private final Param<String> predictionCol;

    protected TreeRfmModel(String uid, PartitionedFit fit, int iterations) {
        this.uid = uid;
        this.fit = fit;
        this.iterations = iterations;
        featuresCol = new Param<>(this, "featuresCol", "features column name (a vector)");
        predictionCol = new Param<>(this, "predictionCol", "prediction column name");
        setDefault(featuresCol, "features");
        setDefault(predictionCol, "prediction");
    }

    @Override
    public String uid() {
        return uid;
    }

    public Param<String> featuresCol() {
        return featuresCol;
    }

    public Param<String> predictionCol() {
        return predictionCol;
    }

    /** The fitted tree and calibration (immutable). */
    public PartitionedFit fitted() {
        return fit;
    }

    /** The tree-partitioned RFM. */
    public PartitionedRfmModel tree() {
        return fit.model();
    }

    /** d: the length of the features vectors it reads. */
    public int numFeatures() {
        return fit.model().dimension();
    }

    /** T, the iterations each leaf chose its own from. */
    public int iterations() {
        return iterations;
    }

    /** This model with another uid and fit (for copies and loading). */
    protected abstract M create(String uid, PartitionedFit fit, int iterations);

    /** {@code schema} with the appended columns. */
    protected abstract StructType appendOutputs(StructType schema);

    @SuppressWarnings("unchecked")
    protected final M self() {
        return (M) this;
    }

    public M setFeaturesCol(String v) {
        set(featuresCol, v);
        return self();
    }

    public M setPredictionCol(String v) {
        set(predictionCol, v);
        return self();
    }

    @Override
    public StructType transformSchema(StructType schema) {
        Columns.requireVector(schema, getOrDefault(featuresCol), uid);
        return appendOutputs(schema);
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        StructType out = transformSchema(dataset.schema());
        Dataset<Row> df = dataset.toDF();
        int column = df.schema().fieldIndex(getOrDefault(featuresCol));
        SparkSession spark = df.sparkSession();
        Broadcast<byte[]> shared = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .broadcast(Payloads.toBytes(fit));
        Cells cells = cells();
        String stage = uid;
        int d = numFeatures();
        // the closure holds only these locals (not the model: it travels once, as the broadcast bytes)
        JavaRDD<Row> rows = df.javaRDD().mapPartitions((Iterator<Row> it) -> new BatchPredictor(it,
                Payloads.fromBytes(shared.value(), PartitionedFit.class), column, d, stage, cells));
        return spark.createDataFrame(rows, out);
    }

    /** What a model appends to a row, from its scores f; serialisable, built on the driver from the params. */
    protected interface Cells extends java.io.Serializable {
        Object[] of(PartitionedFit fit, double[] scores);
    }

    /** The appended cells of this model's transform. */
    protected abstract Cells cells();

    /** Predicts the rows of one partition in batches of {@link #BATCH}, each row with its appended cells. */
    private static final class BatchPredictor implements Iterator<Row> {
        private final Iterator<Row> in;
        private final PartitionedFit fit;
        private final int column;
        private final int d;
        private final String stage;
        private final Cells cells;
        private final List<Row> pending = new ArrayList<>();
        private int next;

        BatchPredictor(Iterator<Row> in, PartitionedFit fit, int column, int d, String stage, Cells cells) {
            this.in = in;
            this.fit = fit;
            this.column = column;
            this.d = d;
            this.stage = stage;
            this.cells = cells;
        }

        @Override
        public boolean hasNext() {
            if (next < pending.size()) {
                return true;
            }
            pending.clear();
            next = 0;
            List<Row> batch = new ArrayList<>();
            while (in.hasNext() && batch.size() < BATCH) {
                batch.add(in.next());
            }
            if (batch.isEmpty()) {
                return false;
            }
            predict(batch);
            return true;
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new java.util.NoSuchElementException();
            }
            return pending.get(next++);
        }

        private void predict(List<Row> batch) {
            double[] z = new double[batch.size() * d];
            for (int i = 0; i < batch.size(); i++) {
                Row r = batch.get(i);
                if (r.isNullAt(column)) {
                    throw new IllegalArgumentException(stage + ": a row has a null features vector");
                }
                double[] x = ((Vector) r.get(column)).toArray();
                if (x.length != d) {
                    throw new IllegalArgumentException(stage + ": a features vector has " + x.length
                            + " entries; the model reads " + d);
                }
                System.arraycopy(x, 0, z, i * d, d);
            }
            Matrix scores = fit.model().predict(Matrix.wrap(batch.size(), d, z));
            int c = scores.cols();
            for (int i = 0; i < batch.size(); i++) {
                double[] s = new double[c];
                for (int j = 0; j < c; j++) {
                    s[j] = scores.get(i, j);
                }
                Row r = batch.get(i);
                Object[] extra = cells.of(fit, s);
                Object[] values = new Object[r.length() + extra.length];
                for (int j = 0; j < r.length(); j++) {
                    values[j] = r.get(j);
                }
                System.arraycopy(extra, 0, values, r.length(), extra.length);
                pending.add(RowFactory.create(values));
            }
        }
    }

    @Override
    public M copy(ParamMap extra) {
        M copy = copyValues(create(uid, fit, iterations), extra);
        return copy.setParent(parent());
    }

    @Override
    public MLWriter write() {
        return new Writer(this);
    }

    /** Writes {@code path/metadata} and {@code path/data/model.flm}. */
    static final class Writer extends MLWriter {
        private final TreeRfmModel<?> model;

        Writer(TreeRfmModel<?> model) {
            this.model = model;
        }

        @Override
        public void saveImpl(String path) {
            DefaultParamsWriter.saveMetadata(model, path, sparkSession());
            Path local = null;
            try {
                local = Files.createTempDirectory("featurelab-spark-");
                Path file = local.resolve("model.flm");
                TreeRfmArchive.write(file, model.fit, model.iterations, 0L, "spark " + model.uid());
                org.apache.hadoop.fs.Path dst = new org.apache.hadoop.fs.Path(path, DATA_FILE);
                FileSystem fs = dst.getFileSystem(sc().hadoopConfiguration());
                fs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(file.toUri()), dst);
            } catch (IOException e) {
                throw new UncheckedIOException("featurelab-spark: cannot save the model to " + path, e);
            } finally {
                deleteQuietly(local);
            }
        }
    }

    /**
     * Loads a model saved by {@link Writer}: the params from the metadata, the fit from the model file.
     *
     * @param factory builds the concrete model from (uid, fit, iterations)
     */
    static <T extends TreeRfmModel<T>> T load(SparkSession spark, String path, String className, Factory<T> factory) {
        DefaultParamsReader.Metadata metadata = DefaultParamsReader.loadMetadata(path, spark, className);
        Path local = null;
        try {
            local = Files.createTempDirectory("featurelab-spark-");
            Path file = local.resolve("model.flm");
            org.apache.hadoop.fs.Path src = new org.apache.hadoop.fs.Path(path, DATA_FILE);
            FileSystem fs = src.getFileSystem(spark.sparkContext().hadoopConfiguration());
            fs.copyToLocalFile(false, src, new org.apache.hadoop.fs.Path(file.toUri()), true);
            TreeRfmArchive.Contents contents = TreeRfmArchive.read(file);
            T model = factory.create(metadata.uid(), contents.fit(), contents.iterations());
            metadata.getAndSetParams(model, scala.Option.empty());
            return model;
        } catch (IOException e) {
            throw new UncheckedIOException("featurelab-spark: cannot read the model at " + path, e);
        } finally {
            deleteQuietly(local);
        }
    }

    /** Builds a concrete model. */
    interface Factory<T> {
        T create(String uid, PartitionedFit fit, int iterations);
    }

    /** Deletes the temporary directory {@code dir} and what is in it (one level). */
    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // a temporary file left behind is harmless
        }
    }
}
