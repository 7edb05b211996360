package org.featurelab.nn;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The closed set of {@link Optimizer} rules as a configuration value, each with its stable name (the name in
 * {@code summary.json} and on the command line). The rule itself needs the run's hyper-parameters and is built
 * from a configuration (e.g. {@code training.TrainConfig#buildOptimizer}).
 */
public enum OptimizerKind {
    /** {@link Optimizer.GradientDescent}: full batch. */
    GD("gd"),
    /** {@link Optimizer.SgdMomentum}: heavy-ball momentum on mini-batches. */
    SGD("sgd"),
    /** {@link Optimizer.Adam}. */
    ADAM("adam"),
    /** {@link Optimizer.AdamW}: decoupled weight decay. */
    ADAMW("adamw"),
    /** {@link Optimizer.Slo}: speed-limited per-layer steps. */
    SLO("slo"),
    /** {@link Optimizer.Sgld}: Langevin dynamics at a temperature. */
    SGLD("sgld"),
    /** {@link Optimizer.Lbfgs}: limited-memory BFGS with a line search, full batch. */
    LBFGS("lbfgs");

    private final String id;

    OptimizerKind(String id) {
        this.id = id;
    }

    /** The stable name: gd, sgd, adam, adamw, slo, sgld or lbfgs. */
    public String id() {
        return id;
    }

    /** Whether the rule applies weight decay itself (decoupled) instead of through the objective's gradient. */
    public boolean decouplesWeightDecay() {
        return this == ADAMW;
    }

    /**
     * The kind named {@code name} (case and surrounding blanks ignored).
     *
     * @throws IllegalArgumentException "optimizer: unknown 'x' (gd, sgd, adam, adamw, slo, sgld, lbfgs)"
     */
    public static OptimizerKind parse(String name) {
        String k = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        for (OptimizerKind o : values()) {
            if (o.id.equals(k)) {
                return o;
            }
        }
        throw new IllegalArgumentException("optimizer: unknown '" + k + "' ("
                + Arrays.stream(values()).map(OptimizerKind::id).collect(Collectors.joining(", ")) + ")");
    }
}
