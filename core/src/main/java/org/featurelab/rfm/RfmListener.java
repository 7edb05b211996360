package org.featurelab.rfm;

/** Receives progress from an RFM fit (the fitting code knows nothing about where it goes). */
public interface RfmListener {
    /** A listener that ignores everything. */
    RfmListener NONE = new RfmListener() {
    };

    /** A phase ({@code kernel}, {@code solve}, {@code validate}, {@code update}) is starting in iteration t. */
    default void phaseStarted(int iteration, String phase) {
    }

    /**
     * Iteration t solved (K(M_t) + λI)α = Y (Y − ȳ with {@link RfmConfig#centerTargets}, whose predictor adds ȳ back):
     * the predictor of iteration t is {@code basis.predict(z, alpha)} (+ ȳ), its
     * feature matrix {@code metric} (M_t). For experiments that observe every iterate; the arguments must not be
     * modified.
     */
    default void solved(int iteration, org.featurelab.kernel.Metric metric, org.featurelab.kernel.KernelBasis basis,
                        org.featurelab.linalg.Matrix alpha) {
    }

    /**
     * Iteration t's predictions on the validation rows (with ȳ added back under {@link RfmConfig#centerTargets}): what
     * it was scored on, equal to the fitted model's {@code predict} on those rows when t is the kept iteration. Called
     * only when validation data were given; the matrix must not be modified.
     */
    default void validated(int iteration, org.featurelab.linalg.Matrix predictions) {
    }

    /** Iteration t finished. */
    default void iterationFinished(IterationRecord record) {
    }
}
