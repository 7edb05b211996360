package org.featurelab.cli;

import org.featurelab.experiment.fact.FactValidation;
import org.featurelab.experiment.fact.FactValidationExperiment;
import org.featurelab.nn.Activation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code featurelab experiment fact-validation}: see {@link FactValidationExperiment}. */
@Command(name = "fact-validation", mixinStandardHelpOptions = true, sortOptions = false,
        description = "FACT vs NFA on a 5-hidden-layer ReLU MLP (MSE, coupled weight decay) trained to convergence.",
        footer = {"", "Example: featurelab experiment fact-validation --quick --out fact/",
                "         featurelab experiment fact-validation --data /usr/share/datasets/fashion-mnist --train-size 500 "
                        + "--width 32 --steps 3000 --out fact-fmnist/"})
final class ExperimentFactValidationCommand implements Callable<Integer> {
    /** The flag of each {@link FactValidation.Config} field that library messages name. */
    static final FlagNames FLAGS = FlagNames.of("trainSize", "--train-size", "testSize", "--test-size", "width", "--width",
            "learningRate", "--lr", "weightDecay", "--weight-decay", "steps", "--steps", "diagnoseEvery", "--diagnose-every",
            "seeds", "--seeds", "polishSteps", "--polish-steps", "activation", "--activation");

    @Option(names = "--data", paramLabel = "PATH", description = "Directory with MNIST-format IDX files (MNIST, Fashion-MNIST: "
            + "train-images-idx3-ubyte[.gz], train-labels-idx1-ubyte[.gz]; test rows from t10k-* when present) or a CSV file (target = last column); default: a "
            + "synthetic 10-class task from the seed.")
    Path data;

    @Option(names = "--train-size", paramLabel = "N", description = "Training rows (default: 2000; 500 with --quick).")
    Integer trainSize;

    @Option(names = "--test-size", paramLabel = "N", description = "Test rows, IDX and synthetic data (default: 1000).")
    Integer testSize;

    @Option(names = "--width", paramLabel = "W", description = "Hidden width (default: 128; 32 with --quick).")
    Integer width;

    @Option(names = "--lr", paramLabel = "R", description = "Learning rate of full-batch heavy-ball GD (default: 0.02).")
    Double lr;

    @Option(names = "--weight-decay", paramLabel = "L", description = "Coupled weight decay λ (default: 1e-2; the paper's 1e-4 needs many more steps).")
    Double weightDecay;

    @Option(names = "--steps", paramLabel = "T", description = "Full-batch steps (default: 20000; 3000 with --quick).")
    Integer steps;

    @Option(names = "--diagnose-every", paramLabel = "K", description = "Diagnostics every K steps (default: T/20 with --steps, else 1000; 150 with --quick).")
    Integer diagnoseEvery;

    @Option(names = "--seeds", paramLabel = "S", description = "Runs with seeds seed … seed+S−1, mean ± sd (default: 3; 1 with --quick).")
    Integer seeds;

    @Option(names = "--polish-steps", paramLabel = "N", description = "L-BFGS iterations on the same objective after the "
            + "heavy-ball steps, to reach the stationary point where FACT is claimed (default: 0).")
    Integer polishSteps;

    @Option(names = "--activation", paramLabel = "A", description = "Hidden activation: relu (the paper's, default) or "
            + "tanh (smooth: a stationary point with ∇𝓛 = 0 exists; see docs/experiments.md §3).")
    String activation;

    @Mixin
    ExperimentOptions options;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws IOException {
        if (data != null && !Files.isDirectory(data)) {
            Outputs.requireReadable(data, "--data");
        }
        FactValidation.Config base = options.quick ? FactValidation.Config.quick() : FactValidation.Config.defaults();
        FactValidation.Config config = FLAGS.apply(() -> base.withData(data, trainSize, testSize)
                .withTraining(width, lr, weightDecay, steps, diagnoseEvery).withSeed(options.seed).withSeeds(seeds).withPolish(polishSteps)
                .withActivation(activation == null ? null : Activation.parse(activation)));
        return options.run(common, progress -> FactValidationExperiment.run(config, progress),
                ExperimentOptions.dataInputs(data));
    }
}
