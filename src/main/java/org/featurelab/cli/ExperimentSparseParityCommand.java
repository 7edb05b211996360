package org.featurelab.cli;

import org.featurelab.experiment.fact.SparseParityExperiment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code featurelab experiment sparse-parity}: see {@link SparseParityExperiment}. */
@Command(name = "sparse-parity", mixinStandardHelpOptions = true, sortOptions = false,
        description = "NFA-RFM and FACT-RFM on sparse parities in d = 50: accuracy and support mass versus n.",
        footer = {"", "Example: featurelab experiment sparse-parity --k 4 --n 25000 --out parity/   (needs FEATURELAB_JAVA_OPTS=-Xmx16g)"})
final class ExperimentSparseParityCommand implements Callable<Integer> {
    /** The flag of each {@link SparseParityExperiment.Sweep} field that library messages name. */
    static final FlagNames FLAGS = FlagNames.of("ks", "--k", "ns", "--n");

    @Option(names = "--k", split = ",", paramLabel = "K", description = "Parity orders, from 1 to 4 (default: 2,3,4; 2 with --quick).")
    List<Integer> k;

    @Option(names = "--n", split = ",", paramLabel = "N", description = "Training sizes (default: 1000,2000,5000,10000; 100,300,1000 with --quick).")
    List<Integer> n;

    @Option(names = "--iterations", paramLabel = "T", description = "RFM iterations (default: 10; 8 with --quick).")
    Integer iterations;

    @Mixin
    ExperimentOptions options;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        SparseParityExperiment.Sweep base = options.quick ? SparseParityExperiment.Sweep.quick() : SparseParityExperiment.Sweep.defaults();
        SparseParityExperiment.Sweep sweep = FLAGS.apply(() -> base.with(k, n, iterations, options.seed));
        return options.run(common, progress -> SparseParityExperiment.run(sweep, progress));
    }
}
