package org.featurelab.spark;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.types.StructType;
import org.featurelab.base.Progress;
import org.featurelab.base.Task;
import org.featurelab.kernel.Laplace;
import org.featurelab.partition.PartitionConfig;
import org.featurelab.partition.PartitionedFit;
import org.featurelab.partition.PartitionedRfm;
import org.featurelab.rfm.RfmConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tree-partitioned RFM (xRFM, featurelab's {@link PartitionedRfm}) as a Spark ML estimator: {@link #fit} numbers
 * and caches the rows of a {@code Dataset<Row>} (a vector column {@link #featuresCol}, a numeric {@link #labelCol}),
 * grows the tree from the driver (each split's cheap RFM on a sample of the node, the median of the node's
 * projections computed on the executors), fits the leaves in parallel on the executors (one task per leaf), and
 * returns a model whose predictions equal those of {@code PartitionedRfm.fit} in one JVM on the same rows (in the
 * same order) and seed. Leaves: Laplace kernel k(x, z) = exp(−‖x − z‖_M / L), kernel ridge with λ, M ← AGOP for
 * iterations 1..T, the iteration 0..T chosen on each leaf's own hold-out, then (by default) refitted on all its rows.
 *
 * @param <E> the concrete estimator
 * @param <M> its model
 */
public abstract class TreeRfmEstimator<E extends TreeRfmEstimator<E, M>, M extends TreeRfmModel<M>> extends Estimator<M>
        implements DefaultParamsWritable {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(TreeRfmEstimator.class);

    private final String uid;
    private final Param<String> featuresCol;
    private final Param<String> labelCol;
    private final Param<String> predictionCol;
    private final IntParam maxLeafSize;
    private final IntParam splitSampleRows;
    private final DoubleParam leafValidationFraction;
    private final LongParam seed;
    private final BooleanParam softRouting;
    private final BooleanParam refitLeaves;
    private final IntParam maxIter;
    private final DoubleParam regParam;
    private final DoubleParam bandwidth;
    private final BooleanParam centerTargets;
    private final IntParam localSplitRows;

    protected TreeRfmEstimator(String uid) {
        this.uid = uid;
        featuresCol = new Param<>(this, "featuresCol", "features column name (a vector, e.g. from VectorAssembler)");
        labelCol = new Param<>(this, "labelCol", "label column name (class indices 0, 1, … or a real target)");
        predictionCol = new Param<>(this, "predictionCol", "prediction column name");
        maxLeafSize = new IntParam(this, "maxLeafSize", "a node with more rows than this is split (>= "
                + 2 * PartitionConfig.MIN_LEAF_ROWS + "; memory and time per leaf grow as its square and cube)",
                ParamValidators.gtEq(2 * PartitionConfig.MIN_LEAF_ROWS));
        splitSampleRows = new IntParam(this, "splitSampleRows", "rows of a node (a seeded sample) its split's cheap RFM "
                + "is fitted on", ParamValidators.gtEq(PartitionConfig.MIN_LEAF_ROWS));
        leafValidationFraction = new DoubleParam(this, "leafValidationFraction", "share of each leaf held out to choose "
                + "its iteration, the routing temperature and the probability calibration",
                ParamValidators.inRange(0, 0.5, false, false));
        seed = new LongParam(this, "seed", "seed of the split samples and of the leaves' hold-outs");
        softRouting = new BooleanParam(this, "softRouting", "tune a soft-routing temperature on the held-out rows "
                + "(hard routing is kept unless another scores better)");
        refitLeaves = new BooleanParam(this, "refitLeaves", "refit each leaf on all its rows at the iteration its "
                + "hold-out chose");
        maxIter = new IntParam(this, "maxIter", "T: feature-matrix updates M <- AGOP; each leaf keeps the best of "
                + "iterations 0..T on its hold-out", ParamValidators.inRange(0, 1000));
        regParam = new DoubleParam(this, "regParam", "ridge lambda of the kernel ridge solves", ParamValidators.gtEq(0));
        bandwidth = new DoubleParam(this, "bandwidth", "Laplace kernel bandwidth L", ParamValidators.gt(0));
        centerTargets = new BooleanParam(this, "centerTargets", "fit an intercept: kernel ridge on y - mean(y)");
        localSplitRows = new IntParam(this, "localSplitRows", "a node of at most this many rows is collected to the "
                + "driver and its subtree grown there (0: every split on the executors)", ParamValidators.gtEq(0));
        PartitionConfig p = PartitionConfig.defaults();
        RfmConfig r = RfmConfig.defaults();
        setDefault(featuresCol, "features");
        setDefault(labelCol, "label");
        setDefault(predictionCol, "prediction");
        setDefault(maxLeafSize, p.maxLeafSize());
        setDefault(splitSampleRows, p.splitSampleRows());
        setDefault(leafValidationFraction, p.validationFraction());
        setDefault(seed, p.seed());
        setDefault(softRouting, p.softRouting());
        setDefault(refitLeaves, p.refitLeaves());
        setDefault(maxIter, r.iterations());
        setDefault(regParam, r.ridge());
        setDefault(bandwidth, 10.0);
        setDefault(centerTargets, true);
        setDefault(localSplitRows, 100_000);
    }

    /** Classification or regression. */
    protected abstract Task task();

    /** The model of {@code fit} (with a new uid; the params are copied by the caller). */
    protected abstract M newModel(PartitionedFit fit, int iterations);

    /** The concrete estimator, for the setters' return type. */
    @SuppressWarnings("unchecked")
    private E self() {
        return (E) this;
    }

    @Override
    public String uid() {
        return uid;
    }

    public Param<String> featuresCol() {
        return featuresCol;
    }

    public Param<String> labelCol() {
        return labelCol;
    }

    public Param<String> predictionCol() {
        return predictionCol;
    }

    public IntParam maxLeafSize() {
        return maxLeafSize;
    }

    public IntParam splitSampleRows() {
        return splitSampleRows;
    }

    public DoubleParam leafValidationFraction() {
        return leafValidationFraction;
    }

    public LongParam seed() {
        return seed;
    }

    public BooleanParam softRouting() {
        return softRouting;
    }

    public BooleanParam refitLeaves() {
        return refitLeaves;
    }

    public IntParam maxIter() {
        return maxIter;
    }

    public DoubleParam regParam() {
        return regParam;
    }

    public DoubleParam bandwidth() {
        return bandwidth;
    }

    public BooleanParam centerTargets() {
        return centerTargets;
    }

    public IntParam localSplitRows() {
        return localSplitRows;
    }

    public E setFeaturesCol(String v) {
        set(featuresCol, v);
        return self();
    }

    public E setLabelCol(String v) {
        set(labelCol, v);
        return self();
    }

    public E setPredictionCol(String v) {
        set(predictionCol, v);
        return self();
    }

    public E setMaxLeafSize(int v) {
        set(maxLeafSize, v);
        return self();
    }

    public E setSplitSampleRows(int v) {
        set(splitSampleRows, v);
        return self();
    }

    public E setLeafValidationFraction(double v) {
        set(leafValidationFraction, v);
        return self();
    }

    public E setSeed(long v) {
        set(seed, v);
        return self();
    }

    public E setSoftRouting(boolean v) {
        set(softRouting, v);
        return self();
    }

    public E setRefitLeaves(boolean v) {
        set(refitLeaves, v);
        return self();
    }

    public E setMaxIter(int v) {
        set(maxIter, v);
        return self();
    }

    public E setRegParam(double v) {
        set(regParam, v);
        return self();
    }

    public E setBandwidth(double v) {
        set(bandwidth, v);
        return self();
    }

    public E setCenterTargets(boolean v) {
        set(centerTargets, v);
        return self();
    }

    public E setLocalSplitRows(int v) {
        set(localSplitRows, v);
        return self();
    }

    /** The tree's settings from the params. */
    public PartitionConfig partitionConfig() {
        return new PartitionConfig((Integer) getOrDefault(maxLeafSize), (Integer) getOrDefault(splitSampleRows),
                (Double) getOrDefault(leafValidationFraction), (Long) getOrDefault(seed),
                (Boolean) getOrDefault(softRouting), (Boolean) getOrDefault(refitLeaves));
    }

    /** The leaves' RFM from the params: Laplace(L), λ, T, M ← AGOP (max-scaled), full M, the intercept. */
    public RfmConfig leafConfig() {
        return RfmConfig.defaults().withKernel(new Laplace((Double) getOrDefault(bandwidth)))
                .withRidge((Double) getOrDefault(regParam)).withIterations((Integer) getOrDefault(maxIter))
                .withCenterTargets((Boolean) getOrDefault(centerTargets));
    }

    @Override
    public M fit(Dataset<?> dataset) {
        transformSchema(dataset.schema());
        Task task = task();
        TrainingRows rows = TrainingRows.of(dataset, getOrDefault(featuresCol), getOrDefault(labelCol), task);
        try {
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(dataset.sparkSession().sparkContext());
            Progress progress = message -> LOG.info("{}: {}", uid, message);
            LOG.info("{}: {} rows x {} features, leaves of at most {} rows", uid, rows.size, rows.dimension,
                    getOrDefault(maxLeafSize));
            PartitionedFit fit = PartitionedRfm.fit(partitionConfig(), leafConfig(), task,
                    new SparkBackend(jsc, rows, (Integer) getOrDefault(localSplitRows), progress), progress);
            M model = newModel(fit, (Integer) getOrDefault(maxIter));
            copyValues(model, ParamMap.empty());
            model.setParent(this);
            return model;
        } catch (Exception e) { // a failed job is a checked SparkException in Java's eyes
            throw Errors.rethrow(e);
        } finally {
            rows.rows.unpersist(false);
        }
    }

    @Override
    public StructType transformSchema(StructType schema) {
        Columns.requireVector(schema, getOrDefault(featuresCol), uid);
        Columns.requireNumeric(schema, getOrDefault(labelCol), uid);
        return outputSchema(schema);
    }

    /** The schema the model's transform returns. */
    protected abstract StructType outputSchema(StructType schema);

    @Override
    public E copy(ParamMap extra) {
        return defaultCopy(extra);
    }
}
