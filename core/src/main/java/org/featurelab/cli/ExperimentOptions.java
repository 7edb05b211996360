package org.featurelab.cli;

import org.featurelab.base.Progress;
import org.featurelab.experiment.ExperimentReport;
import org.featurelab.report.RunOutput;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Options shared by every {@code featurelab experiment} subcommand; mixed in with {@code @Mixin}. */
final class ExperimentOptions {
    @Option(names = "--quick", description = "Smaller sizes: about a minute, still showing the effect.")
    boolean quick;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Seed of every random step (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (created if needed).")
    Path out;

    /** Fails with a one-line message when --out names an existing file. */
    void checkOut() {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new IllegalArgumentException("--out " + out + " is a file, not a directory");
        }
    }

    /**
     * Checks --out, runs the experiment with the command's progress, writes its run directory into --out and prints
     * where; the exit code 0.
     */
    int run(CommonOptions common, Function<Progress, ExperimentReport> experiment) {
        return run(common, experiment, List.of());
    }

    /** {@link #run(CommonOptions, Function)} recording {@code inputs} (files the experiment read) in the manifest. */
    int run(CommonOptions common, Function<Progress, ExperimentReport> experiment, List<RunOutput.Input> inputs) {
        checkOut();
        long start = System.nanoTime();
        ExperimentReport report = experiment.apply(common.progress());
        finish(report, out, seed, (System.nanoTime() - start) / 1e9, inputs, common);
        return 0;
    }

    /** Writes the report's run directory ({@link ExperimentReport#output}) into {@code dir} and prints where. */
    static void finish(ExperimentReport report, Path dir, long seed, double seconds, List<RunOutput.Input> inputs,
                       CommonOptions common) {
        RunOutput output = report.output(seed, common.commandLine(), seconds);
        inputs.forEach(in -> output.input(in.role(), in.path()));
        output.writeTo(dir);
        common.out().printf(Locale.ROOT, "experiment %s: %.1f s; outputs in %s (%s, %s, %s, %d PNGs, %s)%n",
                report.name(), seconds, dir.toAbsolutePath().normalize(), RunOutput.MANIFEST, RunOutput.SUMMARY,
                RunOutput.METRICS, output.plotCount(), RunOutput.INDEX);
        common.out().flush();
    }

    /**
     * The files of --data for the manifest: the CSV, or the IDX files of the directory the run reads (names starting with
     * {@code train-images}, {@code train-labels}, {@code t10k-images} or {@code t10k-labels}); none without --data (bundled or synthetic data).
     * Shared by the experiments that read --data (centered-nfa, fact-validation).
     */
    static List<RunOutput.Input> dataInputs(Path data) throws java.io.IOException {
        if (data == null) {
            return List.of();
        }
        if (!Files.isDirectory(data)) {
            return List.of(new RunOutput.Input("--data", data));
        }
        try (java.util.stream.Stream<Path> files = Files.list(data)) {
            return files.filter(Files::isRegularFile).filter(p -> java.util.stream.Stream.of("train-images", "train-labels", "t10k-images",
                    "t10k-labels").anyMatch(p.getFileName().toString()::startsWith)).sorted()
                    .map(p -> new RunOutput.Input("--data", p)).toList();
        }
    }
}
