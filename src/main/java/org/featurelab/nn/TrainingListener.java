package org.featurelab.nn;

/**
 * Observer of a training run, so that diagnostics and sinks hook in without the training loop knowing them.
 * {@link #onStep} is called before every update with step t = number of updates already applied, the current
 * network and the objective and gradient norm of the batch used for that update; and once after the last update
 * (t = steps) with the full-batch objective and gradient norm of the final network.
 */
@FunctionalInterface
public interface TrainingListener {
    TrainingListener NONE = (step, network, objective, gradientNorm) -> {
    };

    void onStep(int step, Network network, double objective, double gradientNorm);
}
