package org.featurelab.cli;

import org.featurelab.experiment.deeplinear.DeepLinear;
import org.featurelab.experiment.deeplinear.DeepLinearExperiment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code featurelab experiment deep-linear}: see {@link DeepLinearExperiment}. */
@Command(name = "deep-linear", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Deep linear NFA: balanced nets have W1'W1 = AGOP^(1/L); standard init needs weight decay.",
        footer = {"", "Example: featurelab experiment deep-linear --quick --out deep-linear/"})
final class ExperimentDeepLinearCommand implements Callable<Integer> {
    @Option(names = "--depths", paramLabel = "L,…", split = ",", description = "Depths L ≥ 2 (default: 2,3,4,5).")
    int[] depths;

    @Option(names = "--steps", paramLabel = "T", description = "Gradient-descent steps (default: 10000; 2000 with --quick).")
    Integer steps;

    @Option(names = "--weight-decay", paramLabel = "W", description = "Coupled λ of the decay runs (default: 0.02; 0.1 with --quick).")
    Double weightDecay;

    @Mixin
    ExperimentOptions options;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        DeepLinear.Config base = options.quick ? DeepLinear.Config.quick() : DeepLinear.Config.defaults();
        DeepLinear.Config config = base.with(depths, steps, weightDecay, options.seed);
        return options.run(common, progress -> DeepLinearExperiment.run(config, progress));
    }
}
