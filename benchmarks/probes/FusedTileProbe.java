import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_full;
import org.featurelab.kernel.KernelMaps;
import org.featurelab.linalg.Parallel;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import static org.bytedeco.openblas.global.openblas.*;

/**
 * One Gram pass of `speed rfm`'s size (n = 6,000, d = 100, Laplace L = 10, float32 weights) two ways, six times: streamed
 * row blocks (the dgemm on two OpenBLAS threads, then the maps on the Java threads, as `RadialBasis` does) against
 * per-thread fused tiles (one OpenBLAS thread; each Java thread computes a tile's dgemm into K and maps it while it is
 * in cache). Args: TILE_ROWS TILE_COLS.
 */
public class FusedTileProbe {
    private static final int N = 6000;
    private static final int D = 100;
    private static final double BANDWIDTH = 10.0;
    private static final int BLOCK_ROWS = 349;   // RadialBasis's default block of 2^21 values

    public static void main(String[] args) {
        int tileRows = Integer.parseInt(args[0]);
        int tileCols = Integer.parseInt(args[1]);
        DoublePointer x = new DoublePointer((long) N * D);
        double[] norms = new double[N];
        Random random = new Random(1);
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < D; j++) {
                double v = 0.1 * random.nextGaussian();
                x.put((long) i * D + j, v);
                norms[i] += v * v;
            }
        }
        DoublePointer k = new DoublePointer((long) N * N);
        FloatPointer w = new FloatPointer((long) N * N);
        for (long i = 0; i < (long) N * N; i += 512) {   // fault the pages in before timing
            k.put(i, 0);
            w.put(i, 0);
        }
        List<int[]> tiles = new ArrayList<>();
        for (int r0 = 0; r0 < N; r0 += tileRows) {
            for (int c0 = (r0 / tileCols) * tileCols; c0 < N; c0 += tileCols) {
                tiles.add(new int[] {r0, Math.max(c0, r0), Math.min(c0 + tileCols, N)});
            }
        }
        KernelMaps maps = KernelMaps.get();
        for (int rep = 0; rep < 6; rep++) {
            openblas_full.openblas_set_num_threads(2);
            long t0 = System.nanoTime();
            for (int r0 = 0; r0 < N; r0 += BLOCK_ROWS) {
                int first = r0;
                int rows = Math.min(BLOCK_ROWS, N - r0);
                gemm(x, k, first, first, rows, N - first);
                Parallel.rows(rows, N - first, r -> mapRow(maps, k, w, norms, first, first, N, r));
            }
            double streamed = (System.nanoTime() - t0) / 1e6;
            openblas_full.openblas_set_num_threads(1);
            t0 = System.nanoTime();
            Parallel.rows(tiles.size(), 1L << 20, t -> {
                int r0 = tiles.get(t)[0];
                int c0 = tiles.get(t)[1];
                int end = tiles.get(t)[2];
                int rows = Math.min(tileRows, N - r0);
                gemm(x, k, r0, c0, rows, end - c0);
                for (int r = 0; r < rows; r++) {
                    mapRow(maps, k, w, norms, r0, c0, end, r);
                }
            });
            double fused = (System.nanoTime() - t0) / 1e6;
            System.out.printf("streamed %.1f ms, fused tiles %dx%d %.1f ms%n", streamed, tileRows, tileCols, fused);
        }
    }

    /** K[r0 + r][c0 + j] = −2·xᵣ·x_{c0+j} for r &lt; rows, j &lt; cols (leading dimension N). */
    private static void gemm(DoublePointer x, DoublePointer k, int r0, int c0, int rows, int cols) {
        cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, rows, cols, D, -2.0, x.getPointer((long) r0 * D), D,
                x.getPointer((long) c0 * D), D, 0.0, k.getPointer((long) r0 * N + c0), N);
    }

    /** The Laplace map of row r0 + r over the columns [max(c0, r0 + r), end): the upper triangle only. */
    private static void mapRow(KernelMaps maps, DoublePointer k, FloatPointer w, double[] norms, int r0, int c0, int end,
                               int r) {
        int a = r0 + r;
        int from = Math.max(c0, a);
        if (from >= end) {
            return;
        }
        long at = (long) a * N + from;
        ByteBuffer values = k.getPointer(at).capacity(end - from).asByteBuffer().order(ByteOrder.nativeOrder());
        ByteBuffer weights = w.getPointer(at).capacity(end - from).asByteBuffer().order(ByteOrder.nativeOrder());
        maps.laplaceRow(values, 0, norms[a], norms, from, end - from, BANDWIDTH, weights, 0);
    }
}
