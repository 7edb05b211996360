package org.featurelab.cli;

import picocli.CommandLine.Command;

/** {@code featurelab benchmark}: a parent for the accuracy benchmarks on real data ({@code benchmark uci}). */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = "Compare models on collections of real datasets (resumable, failures isolated).",
        subcommands = {BenchmarkUciCommand.class})
final class BenchmarkCommand {
}
