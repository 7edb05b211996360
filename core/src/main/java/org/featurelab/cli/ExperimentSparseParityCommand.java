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
        footer = {"", "Example: featurelab experiment sparse-parity --k 4 --n 25000 --out parity/   (needs FEATURELAB_JAVA_OPTS=-Xmx16g)",
                "         featurelab experiment sparse-parity --k 4 --n 5000 --methods nfa,nfa-sqrt,nfa-centered,nfa:none,fact --out v/"})
final class ExperimentSparseParityCommand implements Callable<Integer> {
    /** The flag of each {@link SparseParityExperiment.Sweep} field that library messages name. */
    static final FlagNames FLAGS = FlagNames.of("ks", "--k", "ns", "--n", "methods", "--methods");

    @Option(names = "--k", split = ",", paramLabel = "K", description = "Parity orders, from 1 to 4 (default: 2,3,4; 2 with --quick).")
    List<Integer> k;

    @Option(names = "--n", split = ",", paramLabel = "N", description = "Training sizes (default: 1000,2000,5000,10000; 100,300,1000 with --quick).")
    List<Integer> n;

    @Option(names = "--iterations", paramLabel = "T", description = "RFM iterations (default: 10; 8 with --quick).")
    Integer iterations;

    @Option(names = "--methods", split = ",", paramLabel = "M", description = "RFM variants UPDATE[:SCALING]: UPDATE one of "
            + "nfa (M ← AGOP), nfa-sqrt (AGOP^½), nfa-centered, nfa-sqrt-centered, fact, fact-gm; SCALING max (default: largest "
            + "entry 1), none or trace (default: nfa,fact).")
    List<String> methods;

    @Mixin
    ExperimentOptions options;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        SparseParityExperiment.Sweep base = options.quick ? SparseParityExperiment.Sweep.quick() : SparseParityExperiment.Sweep.defaults();
        SparseParityExperiment.Sweep sweep = FLAGS.apply(() -> base.with(k, n, iterations, options.seed)
                .withMethods(methods == null ? null : methods.stream().map(SparseParityExperiment.Method::parse).toList()));
        return options.run(common, progress -> SparseParityExperiment.run(sweep, progress));
    }
}
