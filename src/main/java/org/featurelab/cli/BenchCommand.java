package org.featurelab.cli;

import picocli.CommandLine.Command;

/** {@code featurelab bench}: a parent for the benchmarks ({@code bench rfm}, {@code bench mlp}). */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Time a workload and report per-phase seconds and achieved GFLOP/s.",
        subcommands = {BenchRfmCommand.class, BenchMlpCommand.class})
final class BenchCommand {
}
