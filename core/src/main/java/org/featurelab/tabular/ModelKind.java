package org.featurelab.tabular;

import org.featurelab.kernel.KernelKind;
import org.featurelab.rfm.FeatureUpdate;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The one registry of model names, for every command and output file: {@code fit --model}, {@code benchmark uci
 * --models}, {@code benchmark csv --models}, the {@code model} column of results.csv, summary.md, report.html, the
 * papers' numbers of the UCI summary and saved models all use {@link #id()}. {@link #parse} also accepts a model's
 * {@link #aliases()} and returns the same entry, so an alias is read but never written.
 */
public enum ModelKind {
    /** Plain kernel ridge regression, M = I (no feature learning). */
    LAPLACE("laplace", new FeatureUpdate.Nfa(1.0, false), 0),
    /** RFM with M ← AGOP (the classic tabular RFM). */
    NFA_RFM("nfa-rfm", new FeatureUpdate.Nfa(1.0, false), 5),
    /** RFM with M ← (FACT·FACTᵀ)^½. */
    FACT_RFM("fact-rfm", new FeatureUpdate.Fact(), 5),
    /**
     * RFM with M ← (FACT·M²·FACTᵀ)^¼; alias {@code fact-gm-rfm} (the {@code <update>-rfm} spelling of the update
     * {@code fact-gm}, once the name of {@code benchmark uci}).
     */
    FACT_RFM_GM("fact-rfm-gm", new FeatureUpdate.FactGeometricMean(), 5, "fact-gm-rfm"),
    /** RFM with M ← AGOP^½ (the square root xRFM uses; the NFA's α = ½ of the FACT paper's comparison). */
    NFA_RFM_SQRT("nfa-rfm-sqrt", new FeatureUpdate.Nfa(0.5, false), 5),
    /**
     * An ensemble of two kernel machines, each tuned and refitted on its own, whose scores are averaged: nfa-rfm on the
     * Laplace kernel and the plain product-Laplace (ℓ1) kernel, exp(−Σⱼ |xⱼ − zⱼ| / L) — the best model of the UCI-121
     * runs (docs/benchmarks.md), named as {@code benchmark uci} names the same pair. Its feature update and T are the
     * nfa-rfm member's; {@link #members()}.
     */
    NFA_RFM_LAPLACE_L1("nfa-rfm+laplace-l1", new FeatureUpdate.Nfa(1.0, false), 5),
    /**
     * Gradient-boosted trees (XGBoost) with XGBoost's defaults: max_depth 6, eta 0.3, 100 rounds
     * ({@code boosting.BoostingConfig#defaults}); nothing is tuned.
     */
    XGBOOST("xgboost", null, 0),
    /**
     * Gradient-boosted trees (XGBoost), max_depth × eta tuned over {@link #BOOSTING_DEPTHS} × {@link #BOOSTING_ETAS}
     * with early stopping on the same validation rows the kernels are tuned on.
     */
    XGBOOST_TUNED("xgboost-tuned", null, 0);

    /** The max_depth grid of {@link #XGBOOST_TUNED}. */
    public static final List<Integer> BOOSTING_DEPTHS = List.of(3, 6, 10);
    /** The eta grid of {@link #XGBOOST_TUNED}. */
    public static final List<Double> BOOSTING_ETAS = List.of(0.05, 0.3);
    /** The round cap of {@link #XGBOOST_TUNED}'s candidates (each stops earlier after {@link #BOOSTING_PATIENCE}). */
    public static final int BOOSTING_MAX_ROUNDS = 1000;
    /** Early stopping of {@link #XGBOOST_TUNED}: rounds without a new best validation round. */
    public static final int BOOSTING_PATIENCE = 30;

    /** One member of an ensemble kind: a single kernel model on a kernel. */
    public record Member(ModelKind kind, KernelKind kernel) {
        /** The name {@code benchmark uci} gives this member: the kind's id, {@code -l1} for the product-Laplace kernel. */
        public String name() {
            return kind.id() + (kernel == KernelKind.PRODUCT_LAPLACE ? "-l1" : "");
        }
    }

    private final String id;
    private final FeatureUpdate update;
    private final int defaultIterations;
    private final List<String> aliases;

    ModelKind(String id, FeatureUpdate update, int defaultIterations, String... aliases) {
        this.id = id;
        this.update = update;
        this.defaultIterations = defaultIterations;
        this.aliases = List.of(aliases);
    }

    /** The name of the model in every command and output. */
    public String id() {
        return id;
    }

    /** Other names {@link #parse} accepts for this model (lower case); never printed. */
    public List<String> aliases() {
        return aliases;
    }

    /** Whether this is a kernel machine (the plain kernel or an RFM) rather than boosted trees. */
    public boolean isKernel() {
        return update != null;
    }

    /** Whether this is boosted trees ({@link #XGBOOST} or {@link #XGBOOST_TUNED}). */
    public boolean isBoosted() {
        return !isKernel();
    }

    /** The feature-update rule of the RFMs (unused by {@link #LAPLACE}, which runs no update; null for trees). */
    public FeatureUpdate update() {
        return update;
    }

    /** Whether this is an ensemble of kernel machines ({@link #members()} not empty). */
    public boolean isEnsemble() {
        return this == NFA_RFM_LAPLACE_L1;
    }

    /**
     * The members of an ensemble, in order (the first is the one whose feature update and T this kind carries); empty
     * for a single model.
     */
    public List<Member> members() {
        return isEnsemble() ? List.of(new Member(NFA_RFM, KernelKind.LAPLACE), new Member(LAPLACE, KernelKind.PRODUCT_LAPLACE))
                : List.of();
    }

    /** Whether the model learns M (true for the RFMs only: the plain kernel keeps M = I, trees have no M). */
    public boolean learnsFeatures() {
        return isKernel() && this != LAPLACE;
    }

    /** T for a default fit: 0 for the plain kernel and for trees, 5 for the RFMs. */
    public int defaultIterations() {
        return defaultIterations;
    }

    /** The ids of all models, in declaration order. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(ModelKind::id).toList();
    }

    /** The ids of the single kernel machines (no ensembles), in declaration order. */
    public static List<String> kernelIds() {
        return Arrays.stream(values()).filter(k -> k.isKernel() && !k.isEnsemble()).map(ModelKind::id).toList();
    }

    /**
     * The model named {@code s}: an {@link #id()} or an {@link #aliases() alias}, case-insensitive, surrounding blanks
     * ignored.
     *
     * @throws IllegalArgumentException for any other name (the message lists the ids and aliases)
     */
    public static ModelKind parse(String s) {
        String k = s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
        for (ModelKind m : values()) {
            if (m.id.equals(k) || m.aliases.contains(k)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown model '" + s + "': expected " + expected());
    }

    /** {@code laplace, nfa-rfm, fact-rfm, fact-rfm-gm, nfa-rfm-sqrt, nfa-rfm+laplace-l1, xgboost or xgboost-tuned (alias fact-gm-rfm = fact-rfm-gm)}, from the registry. */
    static String expected() {
        List<String> ids = ids();
        StringBuilder sb = new StringBuilder(String.join(", ", ids.subList(0, ids.size() - 1)))
                .append(" or ").append(ids.get(ids.size() - 1));
        List<String> aliases = Arrays.stream(values()).flatMap(m -> m.aliases.stream().map(a -> a + " = " + m.id)).toList();
        if (!aliases.isEmpty()) {
            sb.append(" (alias").append(aliases.size() > 1 ? "es " : " ").append(String.join(", ", aliases)).append(')');
        }
        return sb.toString();
    }
}
