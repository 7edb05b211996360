package org.featurelab.tabular;

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
    FACT_RFM_GM("fact-rfm-gm", new FeatureUpdate.FactGeometricMean(), 5, "fact-gm-rfm");

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

    /** The feature-update rule of the RFMs (unused by {@link #LAPLACE}, which runs no update). */
    public FeatureUpdate update() {
        return update;
    }

    /** Whether the model learns M (false only for the plain kernel, which keeps M = I and iteration 0). */
    public boolean learnsFeatures() {
        return this != LAPLACE;
    }

    /** T for a default fit: 0 for the plain kernel, 5 for the RFMs. */
    public int defaultIterations() {
        return defaultIterations;
    }

    /** The ids of all models, in declaration order (the default model list of the benchmarks). */
    public static List<String> ids() {
        return Arrays.stream(values()).map(ModelKind::id).toList();
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

    /** {@code laplace, nfa-rfm, fact-rfm or fact-rfm-gm (alias fact-gm-rfm = fact-rfm-gm)}, from the registry. */
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
