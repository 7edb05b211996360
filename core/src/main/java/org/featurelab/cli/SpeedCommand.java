package org.featurelab.cli;

import picocli.CommandLine.Command;

/** {@code featurelab speed}: a parent for the speed benchmarks ({@code speed rfm}, {@code speed mlp}, {@code speed sgld}). */
@Command(name = "speed", mixinStandardHelpOptions = true,
        description = "Time a workload and report per-phase seconds and achieved GFLOP/s.",
        subcommands = {SpeedRfmCommand.class, SpeedMlpCommand.class, SpeedSgldCommand.class, SpeedTreeCommand.class})
final class SpeedCommand {
}
