package org.featurelab.cli;

import picocli.CommandLine.Command;

/** {@code featurelab experiment}: one-command reproductions of the seed papers' phenomena. */
@Command(name = "experiment", mixinStandardHelpOptions = true,
        description = "Reproduce a published feature-learning phenomenon: writes summary.json, metrics.csv, PNG plots and index.html.",
        subcommands = {ExperimentGrokkingCommand.class, ExperimentSparseParityCommand.class,
                ExperimentFactValidationCommand.class, ExperimentDeepLinearCommand.class, ExperimentCounterexampleCommand.class,
                ExperimentCenteredNfaCommand.class, ExperimentMeanFieldCommand.class, ExperimentMeanFieldPhaseCommand.class,
                ExperimentAllCommand.class})
final class ExperimentCommand {
}
