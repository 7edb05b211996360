package org.featurelab.cli;

import picocli.CommandLine.Command;

/** {@code featurelab benchmark}: a parent for the accuracy benchmarks on real data ({@code benchmark uci}, {@code benchmark csv}). */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = "Compare models on collections of real datasets (resumable, failures isolated).",
        subcommands = {BenchmarkUciCommand.class, BenchmarkCsvCommand.class})
final class BenchmarkCommand {
}
