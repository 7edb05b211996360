package org.featurelab.cli;

import org.featurelab.base.Progress;
import org.featurelab.speed.PartitionSpeed;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code featurelab speed tree}: the tree-partitioned NFA-RFM on synthetic classification data ({@link PartitionSpeed}):
 * fit seconds, leaves, depth and test accuracy, and with {@code --exact} the same for the one-leaf (exact) RFM.
 * Progress per leaf (with ETA) on stderr.
 */
@Command(name = "tree", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Fit the tree-partitioned NFA-RFM (Laplace L=10, ridge 1e-3) on synthetic classification data.",
        footer = {"", "Example: featurelab speed tree --n 25000 --d 20 --classes 5 --max-leaf-size 5000 --exact"})
final class SpeedTreeCommand implements Callable<Integer> {
    @Option(names = "--n", required = true, paramLabel = "N", description = "Training rows.")
    int n;

    @Option(names = "--d", required = true, paramLabel = "D", description = "Features.")
    int d;

    @Option(names = "--classes", required = true, paramLabel = "C", description = "Classes.")
    int classes;

    @Option(names = "--iters", paramLabel = "T", defaultValue = "3",
            description = "RFM iterations per leaf, the best on the leaf's hold-out kept (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--max-leaf-size", paramLabel = "L", defaultValue = "5000",
            description = "Rows per leaf at most (default: ${DEFAULT-VALUE}).")
    int maxLeafSize;

    @Option(names = "--exact", description = "Also fit the exact RFM (one leaf of all rows) for comparison.")
    boolean exact;

    @Option(names = "--test-rows", paramLabel = "R", defaultValue = "5000",
            description = "Test rows (default: ${DEFAULT-VALUE}).")
    int testRows;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Data and split seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        PartitionSpeed.Workload w = new PartitionSpeed.Workload(n, d, classes, iterations, testRows, seed, maxLeafSize,
                exact);
        PrintWriter err = common.err();
        Progress progress = common.quiet ? Progress.NONE : line -> {
            err.println(line);
            err.flush();
        };
        PrintWriter out = common.out();
        out.printf(Locale.ROOT, "speed tree: n=%d d=%d classes=%d iters=%d max-leaf-size=%d test-rows=%d seed=%d "
                + "(NFA-RFM leaves, Laplace L=10, ridge 1e-3)%n%n", n, d, classes, iterations, maxLeafSize, testRows, seed);
        out.printf("%-6s %12s %7s %6s %14s%n", "model", "fit seconds", "leaves", "depth", "test accuracy");
        out.flush();
        String[] names = {"tree", "exact"};
        int[] printed = {0};
        PartitionSpeed.run(w, progress, f -> { // one line per model as soon as it is fitted
            out.printf(Locale.ROOT, "%-6s %12.2f %7d %6d %14.4f%n", names[printed[0]++], f.seconds(), f.leaves(), f.depth(),
                    f.testAccuracy());
            out.flush();
        });
        out.printf("threads          %s%n", SpeedRfmCommand.threads());
        out.flush();
        return 0;
    }
}
