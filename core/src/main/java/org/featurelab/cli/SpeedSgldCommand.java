package org.featurelab.cli;

import org.featurelab.linalg.Arithmetic;
import org.featurelab.linalg.Blas;
import org.featurelab.speed.SgldSpeed;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code featurelab speed sgld}: steps per second and GFLOP/s of full-batch SGLD on the mean-field two-layer network
 * ({@link SgldSpeed}), with the per-step median and min and the reference GEMM rate.
 */
@Command(name = "sgld", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Benchmark full-batch SGLD steps of the mean-field two-layer ReLU network on sparse parity.",
        footer = {"", "Example: featurelab speed sgld --width 512 --dimension 35 --samples 1000 --precision mixed"})
final class SpeedSgldCommand implements Callable<Integer> {
    @Option(names = "--width", paramLabel = "N", defaultValue = "512", description = "Hidden units (default: ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--dimension", paramLabel = "D", defaultValue = "35", description = "Input dimension (default: ${DEFAULT-VALUE}).")
    int dimension;

    @Option(names = "--samples", paramLabel = "P", defaultValue = "1000",
            description = "Training points (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--precision", paramLabel = "P", defaultValue = "mixed",
            description = "mixed (float32 X·Wᵀ and Dᵀ·X GEMMs, float64 parameters) or float64 (also: double) "
                    + "(default: ${DEFAULT-VALUE}).")
    String precision;

    @Option(names = "--steps", paramLabel = "S", defaultValue = "200", description = "Timed steps (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--warmup", paramLabel = "W", defaultValue = "20",
            description = "Untimed steps before them (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
            description = "Data, weight and noise seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        Arithmetic arithmetic = PrecisionOption.parse(precision, Arithmetic.FLOAT64, Arithmetic.MIXED);
        SgldSpeed.Workload w = FlagNames.of("width", "--width", "dimension", "--dimension", "samples", "--samples",
                "steps", "--steps", "warmup", "--warmup").apply(
                        () -> new SgldSpeed.Workload(width, dimension, samples, arithmetic, steps, warmup, seed));
        if (!common.quiet) {
            common.err().printf(Locale.ROOT, "speed sgld: %d warm-up steps, then %d timed steps ...%n", warmup, steps);
            common.err().flush();
        }
        print(common.out(), SgldSpeed.run(w));
        return 0;
    }

    static void print(PrintWriter out, SgldSpeed.Result r) {
        SgldSpeed.Workload w = r.workload();
        String p = w.arithmetic().label();
        out.printf(Locale.ROOT, "speed sgld: N=%d d=%d P=%d precision=%s steps=%d warmup=%d seed=%d "
                        + "(sparse parity, gamma=1/2, kappa=%s, eta=%s, standard priors)%n%n", w.width(), w.dimension(),
                w.samples(), p, w.steps(), w.warmup(), w.seed(), SgldSpeed.KAPPA, SgldSpeed.STEP_SIZE);
        out.printf(Locale.ROOT, "steps/s          %.1f%n", r.stepsPerSecond());
        out.printf(Locale.ROOT, "ms per step      median %.4f, min %.4f%n", r.medianMillis(), r.minMillis());
        out.printf(Locale.ROOT, "GFLOP/s          %.2f over the timed steps, %.2f at the min%n", r.gflops(), r.bestGflops());
        out.printf(Locale.ROOT, "flops per step   %.4g (GEMMs: X·Wᵀ and Dᵀ·X 2·P·N·d each, Φa and Φᵀr 2·P·N each)%n",
                r.flopsPerStep());
        out.printf(Locale.ROOT, "loss             %.5g at the first step, %.5g at the last%n", r.firstLoss(), r.lastLoss());
        out.printf(Locale.ROOT, "reference %s  %.1f GFLOP/s (%dx%d)%n",
                w.arithmetic() == Arithmetic.MIXED ? "sgemm" : "dgemm", r.referenceGflops(), SgldSpeed.REFERENCE_SIZE,
                SgldSpeed.REFERENCE_SIZE);
        out.printf("BLAS             %s%n", Blas.describe());
        out.printf("threads          %s%n", SpeedRfmCommand.threads());
        out.flush();
    }
}
