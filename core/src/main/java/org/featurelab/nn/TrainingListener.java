package org.featurelab.nn;

/**
 * Observer of a training run, so that diagnostics and sinks hook in without the training loop knowing them.
 * {@link #onStep} is called before every update with step t = number of updates already applied, the current
 * network and the objective and gradient norm of the batch used for that update; and once after the last update
 * (t = steps) with the full-batch objective and gradient norm of the final network — in both cases only at the steps
 * where {@link #observes} is true, so that an engine whose parameters do not live in a {@link Network} (the float32
 * {@link Float32Trainer}) builds one only when it is looked at.
 */
@FunctionalInterface
public interface TrainingListener {
    TrainingListener NONE = new TrainingListener() {
        @Override
        public void onStep(int step, Network network, double objective, double gradientNorm) {
        }

        @Override
        public boolean observes(int step) {
            return false;
        }
    };

    void onStep(int step, Network network, double objective, double gradientNorm);

    /** Whether {@link #onStep} wants step t (default: every step). */
    default boolean observes(int step) {
        return true;
    }
}
