package org.featurelab.cli;

import org.featurelab.experiment.meanfield.MeanFieldCurves;
import picocli.CommandLine.Option;

import java.util.List;

/**
 * The grid flags of the mean-field experiments ({@code experiment mean-field}, {@code experiment mean-field-phase});
 * mixed in with {@code @Mixin}. Unset flags keep the preset's value.
 */
final class MeanFieldGridOptions {
    /** The flag of each {@link MeanFieldCurves.Config} field that library messages name. */
    static final FlagNames FLAGS = FlagNames.of("dimension", "--d", "k", "--k", "width", "--width", "sizes", "--p",
            "kappas", "--kappa", "seeds", "--seeds", "sgldSteps", "--sgld-steps", "sgldStepSize", "--step-size",
            "particles", "--particles");

    @Option(names = "--d", paramLabel = "D", description = "Input dimension.")
    Integer d;

    @Option(names = "--k", paramLabel = "K", description = "Parity order, ≤ d (even: odd k ≥ 3 is invisible to bias-free ReLU).")
    Integer k;

    @Option(names = "--width", paramLabel = "N", description = "Network width.")
    Integer width;

    @Option(names = "--p", split = ",", paramLabel = "P", description = "Training sizes, increasing.")
    List<Integer> p;

    @Option(names = "--kappa", split = ",", paramLabel = "κ", description = "Noise levels κ > 0.")
    List<Double> kappa;

    @Option(names = "--seeds", paramLabel = "S", description = "Seeds per point.")
    Integer seeds;

    @Option(names = "--sgld-steps", paramLabel = "T", description = "SGLD steps per run; burn-in T/3 when set.")
    Integer sgldSteps;

    @Option(names = "--step-size", paramLabel = "η", description = "SGLD step size.")
    Double stepSize;

    @Option(names = "--particles", paramLabel = "B", description = "MF particles.")
    Integer particles;

    /** {@code base} with the set flags applied; a bad value fails with a message naming the flag. */
    MeanFieldCurves.Config apply(MeanFieldCurves.Config base, long seed) {
        int[] sizes = p == null ? null : p.stream().mapToInt(Integer::intValue).toArray();
        double[] kappas = kappa == null ? null : kappa.stream().mapToDouble(Double::doubleValue).toArray();
        return FLAGS.apply(() -> base.with(d, k, width, sizes, kappas, seeds, sgldSteps, stepSize, particles, seed));
    }
}
