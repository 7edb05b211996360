package org.featurelab.cli;

import org.featurelab.experiment.grokking.Grokking;
import org.featurelab.experiment.grokking.GrokkingExperiment;
import org.featurelab.experiment.grokking.ModularArithmetic;
import org.featurelab.rfm.MetricScaling;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code featurelab experiment grokking}: see {@link GrokkingExperiment}. */
@Command(name = "grokking", mixinStandardHelpOptions = true, sortOptions = false,
        description = "RFMs grok modular arithmetic (NFA-RFM and FACT-RFM, Gaussian kernel, ridge 0).",
        footer = {"", "Example: featurelab experiment grokking --quick --out grok/"})
final class ExperimentGrokkingCommand implements Callable<Integer> {
    @Option(names = "--op", paramLabel = "OP", defaultValue = "add", description = "add, sub, mul or div (default: ${DEFAULT-VALUE}).")
    String op;

    @Option(names = "--p", paramLabel = "P", description = "Prime modulus (default: 61).")
    Integer p;

    @Option(names = "--train-fraction", paramLabel = "F", defaultValue = "0.5", description = "Share of pairs for training (default: ${DEFAULT-VALUE}).")
    double trainFraction;

    @Option(names = "--iterations", paramLabel = "T", description = "RFM iterations (default: 75; 35 with --quick).")
    Integer iterations;

    @Option(names = "--scaling", paramLabel = "S", defaultValue = "max", description = "Scaling of each new M: none, max or trace (default: ${DEFAULT-VALUE}).")
    String scaling;

    @Mixin
    ExperimentOptions options;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        Grokking.Config base = options.quick ? Grokking.Config.quick() : Grokking.Config.defaults();
        Grokking.Config config = new Grokking.Config(ModularArithmetic.Op.parse(op), p == null ? base.p() : p, trainFraction,
                base.bandwidth(), base.ridge(), iterations == null ? base.iterations() : iterations,
                MetricScaling.parse(scaling.strip()), options.seed);
        return options.run(common, progress -> GrokkingExperiment.run(config, progress));
    }
}
