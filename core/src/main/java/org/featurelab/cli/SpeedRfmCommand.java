package org.featurelab.cli;

import org.featurelab.linalg.Blas;
import org.featurelab.rfm.IterationRecord;
import org.featurelab.rfm.RfmListener;
import org.featurelab.speed.RfmSpeed;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code featurelab speed rfm}: one NFA-RFM fit on synthetic data ({@link RfmSpeed}); prints per-phase
 * seconds, GFLOP/s and the share of this machine's reference dgemm rate, the whole fit time and the test
 * accuracy. Progress per iteration on stderr.
 */
@Command(name = "rfm", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Benchmark an NFA-RFM fit (Laplace kernel, L=10, ridge 1e-3) on synthetic classification data.",
        footer = {"", "Example: featurelab speed rfm --n 6000 --d 100 --classes 10 --iters 3"})
final class SpeedRfmCommand implements Callable<Integer> {
    @Option(names = "--n", required = true, paramLabel = "N", description = "Training rows.")
    int n;

    @Option(names = "--d", required = true, paramLabel = "D", description = "Features.")
    int d;

    @Option(names = "--classes", required = true, paramLabel = "C", description = "Classes.")
    int classes;

    @Option(names = "--iters", required = true, paramLabel = "T", description = "RFM iterations (T+1 solves, T updates).")
    int iterations;

    @Option(names = "--test-rows", paramLabel = "R", defaultValue = "1000",
            description = "Test rows scored after every solve (default: ${DEFAULT-VALUE}).")
    int testRows;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Data seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    PrecisionOption precision;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        RfmSpeed.Workload w = new RfmSpeed.Workload(n, d, classes, iterations, testRows, seed, precision.policy());
        PrintWriter err = common.err();
        RfmListener listener = common.quiet ? RfmListener.NONE : new RfmListener() {
            @Override
            public void iterationFinished(IterationRecord r) {
                err.printf(Locale.ROOT, "iteration %d: kernel %.3fs, solve %.3fs (%s), validate %.3fs, update %.3fs, "
                                + "train accuracy %.4f, test accuracy %s%n", r.iteration(), r.kernelSeconds(),
                        r.solveSeconds(), r.solveMethod(), r.validateSeconds(), r.updateSeconds(), r.trainScore(),
                        TextTable.fixed(r.validationScore(), 4));
                err.flush();
            }
        };
        if (!common.quiet) {
            err.println("speed rfm: warm-up, then the timed fit ...");
            err.flush();
        }
        RfmSpeed.Result result = RfmSpeed.run(w, listener);
        print(common.out(), result);
        return 0;
    }

    static void print(PrintWriter out, RfmSpeed.Result r) {
        RfmSpeed.Workload w = r.workload();
        out.printf(Locale.ROOT, "speed rfm: n=%d d=%d classes=%d iters=%d test-rows=%d seed=%d precision=%s "
                        + "(NFA-RFM, Laplace L=10, ridge 1e-3)%n%n",
                w.n(), w.d(), w.classes(), w.iterations(), w.testRows(), w.seed(), w.precision().label());
        TextTable table = new TextTable("phase", "seconds", "GFLOP/s", "arithmetic", "share of reference GEMM");
        double ref = r.referenceGemmGflops();
        for (RfmSpeed.Phase p : r.phases()) {
            double g = p.flops() > 0 ? p.gflops() : Double.NaN;
            double pref = r.referenceFor(p);
            table.row(p.name(), TextTable.fixed(p.seconds(), 3), TextTable.fixed(g, 1), p.arithmetic().label(),
                    Double.isNaN(g) || !(pref > 0) ? "-" : TextTable.fixed(100 * g / pref, 0) + "%");
        }
        out.print(table.render());
        out.println();
        out.printf(Locale.ROOT, "whole fit        %.3f s%n", r.fitSeconds());
        out.printf(Locale.ROOT, "test accuracy    %s%n", TextTable.fixed(r.testAccuracy(), 4));
        out.printf(Locale.ROOT, "reference dgemm  %.1f GFLOP/s (2000x2000, float64)%n", ref);
        out.printf(Locale.ROOT, "reference sgemm  %.1f GFLOP/s (2000x2000, float32)%n", r.referenceSgemmGflops());
        out.printf("BLAS             %s%n", Blas.describe());
        out.printf("kernel maps      %s%n", org.featurelab.kernel.KernelMaps.get().describe());
        out.printf("threads          %s%n", threads());
        out.flush();
    }

    /** BLAS threads (when the library reports them) and the processors available to the JVM. */
    static String threads() {
        int blas = Blas.threads();
        return (blas > 0 ? blas + " BLAS threads" : "BLAS threads not reported") + ", "
                + Runtime.getRuntime().availableProcessors() + " available processors";
    }
}
