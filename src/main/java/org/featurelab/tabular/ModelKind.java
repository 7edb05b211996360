package org.featurelab.tabular;

import org.featurelab.rfm.FeatureUpdate;

import java.util.Locale;

/** The tabular models offered by {@code featurelab fit --model}. */
public enum ModelKind {
    /** Plain kernel ridge regression, M = I (no feature learning). */
    LAPLACE("laplace", new FeatureUpdate.Nfa(1.0, false), 0),
    /** RFM with M ← AGOP (the classic tabular RFM). */
    NFA_RFM("nfa-rfm", new FeatureUpdate.Nfa(1.0, false), 5),
    /** RFM with M ← (FACT·FACTᵀ)^½. */
    FACT_RFM("fact-rfm", new FeatureUpdate.Fact(), 5),
    /** RFM with M ← (FACT·M²·FACTᵀ)^¼. */
    FACT_RFM_GM("fact-rfm-gm", new FeatureUpdate.FactGeometricMean(), 5);

    private final String id;
    private final FeatureUpdate update;
    private final int defaultIterations;

    ModelKind(String id, FeatureUpdate update, int defaultIterations) {
        this.id = id;
        this.update = update;
        this.defaultIterations = defaultIterations;
    }

    public String id() {
        return id;
    }

    public FeatureUpdate update() {
        return update;
    }

    /** T for a default fit: 0 for the plain kernel, 5 for the RFMs. */
    public int defaultIterations() {
        return defaultIterations;
    }

    public static ModelKind parse(String s) {
        String k = s.strip().toLowerCase(Locale.ROOT);
        for (ModelKind m : values()) {
            if (m.id.equals(k)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown model '" + s + "': expected laplace, nfa-rfm, fact-rfm or fact-rfm-gm");
    }
}
