import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.openblas.global.openblas_full;
import org.featurelab.linalg.Parallel;

import java.util.ArrayList;
import java.util.List;

import static org.bytedeco.openblas.global.openblas.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas.CblasTrans;
import static org.bytedeco.openblas.global.openblas.cblas_dgemm;

/**
 * Time of the upper-triangle cross terms −2·X·Xᵀ of one Gram pass (n = 6,000, d = 100), in tiles of ROWS × COLS
 * spread over the Java threads, with THREADS OpenBLAS threads. Args: ROWS COLS THREADS.
 */
public class UpperGemmProbe {
    public static void main(String[] args) {
        int n = 6000;
        int d = 100;
        int tileRows = Integer.parseInt(args[0]);
        int tileCols = Integer.parseInt(args[1]);
        openblas_full.openblas_set_num_threads(Integer.parseInt(args[2]));
        DoublePointer x = new DoublePointer((long) n * d);
        DoublePointer c = new DoublePointer((long) n * n);
        for (long i = 0; i < (long) n * d; i++) {
            x.put(i, Math.sin(i));
        }
        for (long i = 0; i < (long) n * n; i += 512) {
            c.put(i, 0);   // fault the pages in before timing
        }
        List<int[]> tiles = new ArrayList<>();
        for (int r0 = 0; r0 < n; r0 += tileRows) {
            for (int c0 = r0; c0 < n; c0 += tileCols) {
                tiles.add(new int[] {r0, c0});
            }
        }
        for (int rep = 0; rep < 4; rep++) {
            long t0 = System.nanoTime();
            Parallel.rows(tiles.size(), 1L << 20, t -> {
                int r0 = tiles.get(t)[0];
                int c0 = tiles.get(t)[1];
                cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Math.min(tileRows, n - r0), Math.min(tileCols, n - c0),
                        d, -2.0, x.getPointer((long) r0 * d), d, x.getPointer((long) c0 * d), d, 0.0,
                        c.getPointer((long) r0 * n + c0), n);
            });
            System.out.printf("tiles %d x %d, %s BLAS threads: upper GEMM %.1f ms%n", tileRows, tileCols, args[2],
                    (System.nanoTime() - t0) / 1e6);
        }
    }
}
