package org.featurelab.cli;

import org.featurelab.experiment.alignment.CenteredNfa;
import org.featurelab.experiment.alignment.CenteredNfaExperiment;
import org.featurelab.nn.OptimizerKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code featurelab experiment centered-nfa}: see {@link CenteredNfaExperiment}. */
@Command(name = "centered-nfa", mixinStandardHelpOptions = true, sortOptions = false,
        description = "UC-NFA and C-NFA of deep ReLU MLPs per layer and init scale (hidden-layer means), the random-spectrum "
                + "control, the early-time prediction, and SLO (C0 = 500, C1 = C2 = 0.002) against SGD with kernel machines on the features.",
        footer = {"", "Example: featurelab experiment centered-nfa --quick --out cnfa/",
                "         featurelab experiment centered-nfa --data /usr/share/datasets/fashion-mnist --no-chain --width 128 "
                        + "--out cnfa-fmnist/"})
final class ExperimentCenteredNfaCommand implements Callable<Integer> {
    /** The flag of each {@link CenteredNfa.Config} field that library messages name. */
    static final FlagNames FLAGS = FlagNames.of("optimizers", "--optimizers", "optimizer", "--optimizers",
            "initScales", "--init-scales", "width", "--width", "epochs", "--epochs", "realTrainSize", "--train-size",
            "realTestSize", "--test-size", "seeds", "--seeds", "diagnoses", "--diagnoses", "diagnosticRows", "--diagnostic-rows");

    @Option(names = "--data", paramLabel = "PATH", description = "Real-data task: a directory of MNIST-format IDX files (MNIST, "
            + "Fashion-MNIST: train-images-idx3-ubyte[.gz], train-labels-idx1-ubyte[.gz], and t10k-* for the test rows when "
            + "present; pixels standardised on the training rows) or a CSV file (target = last column); default: the bundled "
            + "breast_cancer table.")
    Path data;

    @Option(names = "--train-size", paramLabel = "N", description = "Real-data training rows: IDX seeded subsample, cap on a "
            + "table's 80%% split (default: 2000; 1000 with --quick).")
    Integer trainSize;

    @Option(names = "--test-size", paramLabel = "N", description = "Real-data test rows of an IDX directory (default: 1000).")
    Integer testSize;

    @Option(names = "--diagnoses", paramLabel = "K", description = "About K diagnosed steps per run for the curves over "
            + "training (default: 20; 15 with --quick); each costs AGOP, FACT and an eigendecomposition per layer on ≤ 1000 rows.")
    Integer diagnoses;

    @Option(names = "--diagnostic-rows", paramLabel = "N", description = "Training rows (a seeded sample) the diagnosed "
            + "steps use (default: 1000); the final per-layer values always use all training rows.")
    Integer diagnosticRows;

    @Option(names = "--no-real-data", description = "Run the chain-monomial task only.")
    boolean noRealData;

    @Option(names = "--no-chain", description = "Leave out the chain-monomial task (and the early-time part, which uses it).")
    boolean noChain;

    @Option(names = "--seeds", paramLabel = "S", description = "Sweep and SLO with seeds seed … seed+S−1, mean ± sd (default: 3; "
            + "1 with --quick).")
    Integer seeds;

    @Option(names = "--width", paramLabel = "W", description = "Hidden width of the sweep and the SLO networks (default: 256; 64 with --quick).")
    Integer width;

    @Option(names = "--epochs", paramLabel = "E", description = "Epochs of the sweep and the SLO networks (default: 200; 100 with --quick).")
    Integer epochs;

    @Option(names = "--init-scales", paramLabel = "F", split = ",", description = "Init scale factors (default: 0.4,0.7,1).")
    List<Double> initScales;

    @Option(names = "--optimizers", paramLabel = "O", split = ",", description = "Optimisers of the init-scale sweep: sgd and/or slo (default: sgd; the SLO part always runs both).")
    List<String> optimizers;

    @Mixin
    ExperimentOptions options;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws IOException {
        if (noChain && noRealData) {
            throw new IllegalArgumentException("--no-chain with --no-real-data leaves no task to run");
        }
        if (data != null && !Files.isDirectory(data)) {
            Outputs.requireReadable(data, "--data");
        }
        CenteredNfa.Config base = options.quick ? CenteredNfa.Config.quick() : CenteredNfa.Config.defaults();
        CenteredNfa.Config config = FLAGS.apply(() -> base.withData(data, !noRealData)
                .withTasks(!noChain, trainSize, testSize).withTraining(width, epochs, initScales,
                optimizers == null ? null : optimizers.stream().map(OptimizerKind::parse).toList()).withSeed(options.seed)
                .withSeeds(seeds).withDiagnoses(diagnoses, diagnosticRows));
        return options.run(common, progress -> CenteredNfaExperiment.run(config, progress),
                noRealData ? List.of() : ExperimentOptions.dataInputs(data));
    }
}
