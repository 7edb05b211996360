import org.featurelab.kernel.KernelMaps;

import java.util.Random;

/** µs per query row of the fused Laplace prediction (kernel row and its dot products), 10,000 centres, 10 outputs. */
public class RowDotProbe {
    public static void main(String[] args) {
        KernelMaps maps = KernelMaps.get();
        int n = 10000;
        int outputs = 10;
        Random random = new Random(3);
        double[] norms = new double[n];
        double[] cross = new double[n];
        double[] row = new double[n];
        double[] alphaT = new double[outputs * n];
        double[] out = new double[outputs];
        for (int i = 0; i < n; i++) {
            norms[i] = 100 + 20 * random.nextDouble();
            cross[i] = -2 * (50 + 10 * random.nextDouble());
        }
        for (int i = 0; i < outputs * n; i++) {
            alphaT[i] = random.nextGaussian();
        }
        for (int rep = 0; rep < 6; rep++) {
            int rows = 3000;
            long t0 = System.nanoTime();
            for (int i = 0; i < rows; i++) {
                System.arraycopy(cross, 0, row, 0, n);
                maps.laplaceRowDot(row, 0, 100, norms, n, 10, alphaT, outputs, out, 0);
            }
            System.out.printf("%.2f us per row (%d centres, %d outputs)%n", (System.nanoTime() - t0) / 1e3 / rows, n, outputs);
        }
    }
}
