import org.featurelab.kernel.KernelMaps;
import org.featurelab.linalg.Parallel;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;

/** ns per entry of the Laplace training-Gram map (float32 weights): arrays in cache, a 16.7 MB native block, two threads. */
public class MapsProbe {
    public static void main(String[] args) {
        KernelMaps maps = KernelMaps.get();
        System.out.println(maps.describe());
        Random random = new Random(1);
        int len = 2048;
        double[] cross = new double[len];
        double[] norms = new double[len];
        double[] k = new double[len];
        float[] w = new float[len];
        for (int i = 0; i < len; i++) {
            norms[i] = 100 + 20 * random.nextDouble();
            cross[i] = -2 * (50 + 10 * random.nextDouble());
        }
        int calls = 20000;
        for (int rep = 0; rep < 5; rep++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                maps.laplaceRow(cross, 0, 100, norms, 0, len, 10, k, 0, null, w, 0);
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                maps.laplaceRow(cross, 0, 100, norms, 0, len, 10, k, 0, null, null, 0);
            }
            long t2 = System.nanoTime();
            System.out.printf("in cache: with float32 weights %.2f ns/entry, values only %.2f ns/entry%n",
                    (t1 - t0) / (double) calls / len, (t2 - t1) / (double) calls / len);
        }
        int n = 6000;
        int rows = 349;   // one Gram block of the default 2^21 values
        ByteBuffer block = ByteBuffer.allocateDirect(8 * n * rows).order(ByteOrder.nativeOrder());
        ByteBuffer weights = ByteBuffer.allocateDirect(4 * n * rows).order(ByteOrder.nativeOrder());
        double[] blockNorms = new double[n];
        for (int i = 0; i < n; i++) {
            blockNorms[i] = 100 + 20 * random.nextDouble();
        }
        for (int rep = 0; rep < 5; rep++) {
            fill(block, random);
            long t0 = System.nanoTime();
            for (int r = 0; r < rows; r++) {
                maps.laplaceRow(block, r * n, 100, blockNorms, 0, n, 10, weights, r * n);
            }
            long t1 = System.nanoTime();
            fill(block, random);
            long t2 = System.nanoTime();
            Parallel.rows(rows, n, r -> maps.laplaceRow(block, r * n, 100, blockNorms, 0, n, 10, weights, r * n));
            long t3 = System.nanoTime();
            System.out.printf("native block (16.7 MB): one thread %.2f ns/entry, Parallel.rows %.2f ns/entry of wall time%n",
                    (t1 - t0) / (double) n / rows, (t3 - t2) / (double) n / rows);
        }
    }

    private static void fill(ByteBuffer block, Random random) {
        for (int i = 0, end = block.capacity() / 8; i < end; i++) {
            block.putDouble(8 * i, -2 * (50 + 10 * random.nextDouble()));
        }
    }
}
