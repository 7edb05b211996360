package org.featurelab.cli;

import picocli.CommandLine.Command;

/** {@code featurelab bench}: a parent for the benchmarks ({@code bench rfm}; more workloads later). */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Time a workload and report per-phase seconds and achieved GFLOP/s.",
        subcommands = {BenchRfmCommand.class})
final class BenchCommand {
}
