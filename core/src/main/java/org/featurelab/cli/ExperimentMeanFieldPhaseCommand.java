package org.featurelab.cli;

import org.featurelab.experiment.meanfield.MeanFieldPhase;
import org.featurelab.experiment.meanfield.MeanFieldPhaseExperiment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code featurelab experiment mean-field-phase}: see {@link MeanFieldPhaseExperiment}. */
@Command(name = "mean-field-phase", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The P–κ phase diagram of the mean-field model on sparse parity: P_c(κ) for SGLD, MF, MF-ARD and the "
                + "NNGP kernel, and κ_c from the P → ∞ solver.",
                "Defaults: d = 12, k = 4, N = 64, P = 32…1024, κ = 0.0025…0.04, 3 seeds (about 20 min on 2 cores); "
                        + "--quick: d = 10, k = 4, N = 64, 1 seed (about 20 s); --paper: d = 35, k = 4, N = 512, "
                        + "7.5M SGLD steps (accelerator-scale, see docs/experiments.md)."},
        footer = {"", "Example: featurelab experiment mean-field-phase --quick --out phase/"})
final class ExperimentMeanFieldPhaseCommand implements Callable<Integer> {
    @Mixin
    MeanFieldGridOptions grid;

    @Option(names = "--paper", description = "The paper's setting (d = 35, k = 4, N = 512, 7.5M SGLD steps); days on 2 cores.")
    boolean paper;

    @Option(names = "--population-particles", paramLabel = "B", description = "Particles of the P → ∞ solver.")
    Integer populationParticles;

    @Mixin
    ExperimentOptions options;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        if (paper && options.quick) {
            throw new IllegalArgumentException("--paper and --quick exclude each other");
        }
        MeanFieldPhase.Config base = paper ? MeanFieldPhase.Config.paper()
                : options.quick ? MeanFieldPhase.Config.quick() : MeanFieldPhase.Config.defaults();
        MeanFieldPhase.Config withGrid = base.withCurves(grid.apply(base.curves(), options.seed));
        MeanFieldPhase.Config config = populationParticles == null ? withGrid
                : FlagNames.of("populationParticles", "--population-particles").apply(() -> new MeanFieldPhase.Config(
                withGrid.curves(), populationParticles, withGrid.populationIterations(), withGrid.populationPoints()));
        return options.run(common, progress -> MeanFieldPhaseExperiment.run(config, progress));
    }
}
