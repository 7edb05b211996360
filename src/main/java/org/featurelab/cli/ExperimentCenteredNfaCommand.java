package org.featurelab.cli;

import org.featurelab.experiment.alignment.CenteredNfa;
import org.featurelab.experiment.alignment.CenteredNfaExperiment;
import org.featurelab.nn.OptimizerKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code featurelab experiment centered-nfa}: see {@link CenteredNfaExperiment}. */
@Command(name = "centered-nfa", mixinStandardHelpOptions = true, sortOptions = false,
        description = "UC-NFA and C-NFA of deep ReLU MLPs per layer and init scale (hidden-layer means), the random-spectrum "
                + "control, the early-time prediction, and SLO (C0 = 500, C1 = C2 = 0.002) against SGD with kernel machines on the features.",
        footer = {"", "Example: featurelab experiment centered-nfa --quick --out cnfa/"})
final class ExperimentCenteredNfaCommand implements Callable<Integer> {
    /** The flag of each {@link CenteredNfa.Config} field that library messages name. */
    static final FlagNames FLAGS = FlagNames.of("optimizers", "--optimizers", "optimizer", "--optimizers",
            "initScales", "--init-scales", "width", "--width", "epochs", "--epochs");

    @Option(names = "--data", paramLabel = "CSV", description = "Real-data task: a CSV file (target = last column); default: the bundled breast_cancer table.")
    Path data;

    @Option(names = "--no-real-data", description = "Run the chain-monomial task only.")
    boolean noRealData;

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
    public Integer call() {
        if (data != null) {
            Outputs.requireReadable(data, "--data");
        }
        CenteredNfa.Config base = options.quick ? CenteredNfa.Config.quick() : CenteredNfa.Config.defaults();
        CenteredNfa.Config config = FLAGS.apply(() -> base.withData(data, !noRealData).withTraining(width, epochs, initScales,
                optimizers == null ? null : optimizers.stream().map(OptimizerKind::parse).toList()).withSeed(options.seed));
        return options.run(common, progress -> CenteredNfaExperiment.run(config, progress));
    }
}
