package org.featurelab.cli;

import org.featurelab.io.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code featurelab demo}: Laplace, NFA-RFM and FACT-RFM on the bundled breast_cancer and wine data
 * ({@link Demo}); prints the comparison and the top columns, writes {@code DIR/report.html}.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Compare Laplace, NFA-RFM and FACT-RFM on bundled datasets and write an HTML report.")
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--out", paramLabel = "DIR", defaultValue = "demo-output",
            description = "Directory for report.html, created if needed (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Seed of the train/test split (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws IOException {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new IllegalArgumentException("--out " + out + " is a file, not a directory");
        }
        long start = System.nanoTime();
        Demo.Result result = Demo.run(seed, common.commandLine(), common.progress());
        PrintWriter w = common.out();
        w.printf("featurelab demo: stratified 75/25 train/test split (seed %d); each model tuned on its training rows%n%n", seed);
        w.print(Demo.table(result).render());
        w.println();
        w.println("Top 5 columns of the best RFM (share of diag(M)):");
        for (Demo.Dataset d : Demo.DATASETS) {
            Demo.Fit best = result.bestRfm(d);
            w.printf("  %s (%s): %s%n", d.name(), best.kind().id(), Demo.topColumns(best.model(), 5));
        }
        Files.createDirectories(out);
        Path report = out.resolve("report.html");
        AtomicFiles.writeString(report, Demo.report(result, seed).render());
        w.printf("%nreport: %s (%.1f s in all)%n", report.toAbsolutePath().normalize(), (System.nanoTime() - start) / 1e9);
        w.flush();
        return 0;
    }
}
