package org.featurelab.cli;

import org.featurelab.experiment.ExperimentReport;
import org.featurelab.base.Progress;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
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
     * Checks --out, runs the experiment with the command's progress, writes its report into --out and prints where;
     * the exit code 0.
     */
    int run(CommonOptions common, Function<Progress, ExperimentReport> experiment) {
        checkOut();
        long start = System.nanoTime();
        ExperimentReport report = experiment.apply(common.progress());
        finish(report, out, (System.nanoTime() - start) / 1e9, common);
        return 0;
    }

    /** Writes the report into --out and prints where. */
    static void finish(ExperimentReport report, Path dir, double seconds, CommonOptions common) {
        report.write(dir, seconds);
        common.out().printf(Locale.ROOT, "experiment %s: %.1f s; outputs in %s (summary.json, metrics.csv, %d PNGs, index.html)%n",
                report.name(), seconds, dir.toAbsolutePath().normalize(), report.plots().size());
        common.out().flush();
    }
}
