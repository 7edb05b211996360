package org.featurelab.cli;

import org.featurelab.linalg.Arithmetic;
import org.featurelab.linalg.Blas;
import org.featurelab.speed.MlpSpeed;
import org.featurelab.training.TrainConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code featurelab speed mlp}: ms per full training step (forward, backward, SGD update) of a ReLU MLP on a synthetic
 * batch ({@link MlpSpeed}), median and min over the timed steps, achieved GFLOP/s and the reference GEMM rate.
 */
@Command(name = "mlp", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Benchmark one MLP training step (ReLU hidden layers, linear output, MSE, plain SGD) on synthetic data.",
        footer = {"", "Example: featurelab speed mlp --arch 784-1024-10 --batch 512 --precision float32"})
final class SpeedMlpCommand implements Callable<Integer> {
    @Option(names = "--arch", paramLabel = "W0-W1-...-WL", defaultValue = "784-1024-10",
            description = "Layer widths, input first (default: ${DEFAULT-VALUE}).")
    String arch;

    @Option(names = "--batch", paramLabel = "B", defaultValue = "512", description = "Rows per step (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--precision", paramLabel = "P", defaultValue = "float32",
            description = "float32 (the float32 MLP) or float64 (the float64 network; also: double) "
                    + "(default: ${DEFAULT-VALUE}).")
    String precision;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "50", description = "Timed steps (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--warmup", paramLabel = "W", defaultValue = "10",
            description = "Untimed steps before them (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Data and weight seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        Arithmetic arithmetic = PrecisionOption.parse(precision, Arithmetic.FLOAT64, Arithmetic.FLOAT32);
        int[] widths = FlagNames.of("widths", "--arch").apply(() -> TrainConfig.parseArch(arch));
        MlpSpeed.Workload w = new MlpSpeed.Workload(widths, batch, arithmetic, steps, warmup, seed);
        if (!common.quiet) {
            common.err().printf(Locale.ROOT, "speed mlp: %d warm-up steps, then %d timed steps ...%n", warmup, steps);
            common.err().flush();
        }
        print(common.out(), MlpSpeed.run(w));
        return 0;
    }

    static void print(PrintWriter out, MlpSpeed.Result r) {
        MlpSpeed.Workload w = r.workload();
        String p = w.arithmetic().label();
        out.printf(Locale.ROOT, "speed mlp: arch=%s batch=%d precision=%s steps=%d warmup=%d seed=%d "
                        + "(ReLU, biases, MSE, plain SGD lr=%s, no decay)%n%n", w.arch(), w.batch(), p, w.steps(), w.warmup(),
                w.seed(), MlpSpeed.LEARNING_RATE);
        out.printf(Locale.ROOT, "ms per step      median %.3f, min %.3f%n", r.medianMillis(), r.minMillis());
        out.printf(Locale.ROOT, "GFLOP/s          %.1f at the median, %.1f at the min%n", r.medianGflops(), r.bestGflops());
        out.printf(Locale.ROOT, "flops per step   %.4g (GEMMs: forward 2·b·Σ in·out + weight gradients 2·b·Σ in·out "
                + "+ input gradients 2·b·Σ_{l>=1} in·out)%n", r.flopsPerStep());
        out.printf(Locale.ROOT, "loss             %.5g at the first step, %.5g at the last%n", r.firstLoss(), r.lastLoss());
        out.printf(Locale.ROOT, "reference %s  %.1f GFLOP/s (%dx%d, %s)%n",
                w.arithmetic() == Arithmetic.FLOAT32 ? "sgemm" : "dgemm",
                r.referenceGflops(), MlpSpeed.REFERENCE_SIZE, MlpSpeed.REFERENCE_SIZE, p);
        out.printf("BLAS             %s%n", Blas.describe());
        out.printf("threads          %s%n", SpeedRfmCommand.threads());
        out.flush();
    }
}
