package org.featurelab.rfm;

/** Receives progress from an RFM fit (the fitting code knows nothing about where it goes). */
public interface RfmListener {
    /** A listener that ignores everything. */
    RfmListener NONE = new RfmListener() {
    };

    /** A phase ({@code kernel}, {@code solve}, {@code validate}, {@code update}) is starting in iteration t. */
    default void phaseStarted(int iteration, String phase) {
    }

    /** Iteration t finished. */
    default void iterationFinished(IterationRecord record) {
    }
}
