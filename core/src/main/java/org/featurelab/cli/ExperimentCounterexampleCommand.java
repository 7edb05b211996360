package org.featurelab.cli;

import org.featurelab.experiment.deeplinear.Counterexample;
import org.featurelab.experiment.deeplinear.CounterexampleExperiment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code featurelab experiment counterexample}: see {@link CounterexampleExperiment}. */
@Command(name = "counterexample", mixinStandardHelpOptions = true, sortOptions = false,
        description = "NFA counterexample: a ReLU net fits [x1]+ + [x2]+ but W'W matches no power of the AGOP.",
        footer = {"", "Example: featurelab experiment counterexample --quick --out counterexample/"})
final class ExperimentCounterexampleCommand implements Callable<Integer> {
    @Option(names = "--steps", paramLabel = "T", description = "Full-batch Adam steps (default: 20000; 5000 with --quick).")
    Integer steps;

    @Option(names = "--weight-decay", paramLabel = "W", defaultValue = "0", description = "Coupled λ (default: ${DEFAULT-VALUE}).")
    double weightDecay;

    @Mixin
    ExperimentOptions options;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        Counterexample.Config base = options.quick ? Counterexample.Config.quick() : Counterexample.Config.defaults();
        Counterexample.Config config = base.with(steps, weightDecay, options.seed);
        return options.run(common, progress -> CounterexampleExperiment.run(config, progress));
    }
}
