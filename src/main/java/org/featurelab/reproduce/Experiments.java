package org.featurelab.reproduce;

import org.featurelab.tabular.Progress;

import java.util.List;

/** The registry of {@code featurelab experiment NAME}: every experiment with its default and quick settings. */
public final class Experiments {
    private Experiments() {
    }

    /** Runs an experiment with its defaults (the papers') or its quick settings, and a seed. */
    @FunctionalInterface
    public interface Runner {
        ExperimentReport run(boolean quick, long seed, Progress progress);
    }

    /** An experiment: its name, a one-line description and its runner. */
    public record Entry(String name, String description, Runner runner) {
    }

    /** All experiments, in the order of {@code experiment all}. */
    public static List<Entry> all() {
        return List.of(
                new Entry("grokking", "RFMs grok modular addition; M becomes block-circulant",
                        (quick, seed, progress) -> GrokkingExperiment.run(
                                (quick ? Grokking.Config.quick() : Grokking.Config.defaults()).withSeed(seed), progress)),
                new Entry("sparse-parity", "RFMs learn sparse parities; M concentrates on the support",
                        (quick, seed, progress) -> SparseParityExperiment.run(
                                (quick ? SparseParityExperiment.Sweep.quick() : SparseParityExperiment.Sweep.defaults())
                                        .with(null, null, null, seed), progress)));
    }
}
