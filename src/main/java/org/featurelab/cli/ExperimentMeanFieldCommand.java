package org.featurelab.cli;

import org.featurelab.experiment.meanfield.MeanFieldCurves;
import org.featurelab.experiment.meanfield.MeanFieldCurvesExperiment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code featurelab experiment mean-field}: see {@link MeanFieldCurvesExperiment}. */
@Command(name = "mean-field", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Mean-field learning curves on sparse parity: test MSE and m_S against P for SGLD, MF and the NNGP kernel.",
        footer = {"", "Example: featurelab experiment mean-field --quick --out mean-field/"})
final class ExperimentMeanFieldCommand implements Callable<Integer> {
    /** The flag of each {@link MeanFieldCurves.Config} field that library messages name. */
    static final FlagNames FLAGS = FlagNames.of("dimension", "--d", "k", "--k", "width", "--width", "sizes", "--p",
            "kappas", "--kappa", "seeds", "--seeds", "sgldSteps", "--sgld-steps", "sgldStepSize", "--step-size",
            "particles", "--particles");

    @Option(names = "--d", paramLabel = "D", description = "Input dimension (default: 10; 8 with --quick).")
    Integer d;

    @Option(names = "--k", paramLabel = "K", description = "Parity order, ≤ d (default: 3; 2 with --quick).")
    Integer k;

    @Option(names = "--width", paramLabel = "N", description = "Network width (default: 64).")
    Integer width;

    @Option(names = "--p", split = ",", paramLabel = "P", description = "Training sizes, increasing (default: 64,128,256,512,1024; 16,64,256 with --quick).")
    List<Integer> p;

    @Option(names = "--kappa", split = ",", paramLabel = "κ", description = "Noise levels κ > 0 (default: 0.02,0.05,0.1; 0.02,0.1 with --quick).")
    List<Double> kappa;

    @Option(names = "--seeds", paramLabel = "S", description = "Seeds per point (default: 3; 2 with --quick).")
    Integer seeds;

    @Option(names = "--sgld-steps", paramLabel = "T", description = "SGLD steps per run; burn-in T/3 when set (default: 20000; 6000 with --quick).")
    Integer sgldSteps;

    @Option(names = "--step-size", paramLabel = "η", description = "SGLD step size (default: 0.01).")
    Double stepSize;

    @Option(names = "--particles", paramLabel = "B", description = "MF particles (default: 1000; 500 with --quick).")
    Integer particles;

    @Mixin
    ExperimentOptions options;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        MeanFieldCurves.Config base = options.quick ? MeanFieldCurves.Config.quick() : MeanFieldCurves.Config.defaults();
        int[] sizes = p == null ? null : p.stream().mapToInt(Integer::intValue).toArray();
        double[] kappas = kappa == null ? null : kappa.stream().mapToDouble(Double::doubleValue).toArray();
        MeanFieldCurves.Config config = FLAGS.apply(() -> base.with(d, k, width, sizes, kappas, seeds, sgldSteps, stepSize,
                particles, options.seed));
        return options.run(common, progress -> MeanFieldCurvesExperiment.run(config, progress));
    }
}
