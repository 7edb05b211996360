package org.featurelab.cli;

import org.featurelab.experiment.meanfield.MeanFieldCurves;
import org.featurelab.experiment.meanfield.MeanFieldCurvesExperiment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** {@code featurelab experiment mean-field}: see {@link MeanFieldCurvesExperiment}. */
@Command(name = "mean-field", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Mean-field learning curves on sparse parity: test MSE and m_S against P for SGLD, MF, MF-ARD and the "
                + "NNGP kernel, and the hidden-weight marginals on and off the support.",
                "Defaults: d = 12, k = 4, N = 64, P = 32…1024, κ = 0.005, 0.02, 3 seeds (about 10 min); --quick: d = 8, k = 2, P = 16, 64, 256, "
                        + "κ = 0.02, 0.1, 0.3, 2 seeds (about 12 s)."},
        footer = {"", "Example: featurelab experiment mean-field --quick --out mean-field/"})
final class ExperimentMeanFieldCommand implements Callable<Integer> {
    @Mixin
    MeanFieldGridOptions grid;

    @Mixin
    ExperimentOptions options;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        MeanFieldCurves.Config base = options.quick ? MeanFieldCurves.Config.quick() : MeanFieldCurves.Config.defaults();
        MeanFieldCurves.Config config = grid.apply(base, options.seed);
        return options.run(common, progress -> MeanFieldCurvesExperiment.run(config, progress));
    }
}
