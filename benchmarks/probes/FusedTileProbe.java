import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_full;
import org.featurelab.kernel.KernelMaps;
import org.featurelab.linalg.Parallel;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.*;
import static org.bytedeco.openblas.global.openblas.*;

/**
 * One Gram pass of `speed rfm`'s size (n = 6,000, d = 100, Laplace L = 10, float32 weights) two ways, six times: streamed
 * row blocks (the dgemm on two OpenBLAS threads, then the maps on the Java threads, as `RadialBasis` does) against
 * per-thread fused tiles (one OpenBLAS thread; each Java thread computes a tile's dgemm into K and maps it while it is
 * in cache). Args: TILE_ROWS TILE_COLS.
 */
public class FusedTileProbe {
  public static void main(String[] a) throws Exception {
    int n = 6000, d = 100; int tr = Integer.parseInt(a[0]), tc = Integer.parseInt(a[1]);
    DoublePointer x = new DoublePointer((long) n * d);
    double[] norms = new double[n];
    Random rnd = new Random(1);
    for (int i = 0; i < n; i++) { double s=0; for (int j=0;j<d;j++){ double v=rnd.nextGaussian()*0.1; x.put((long)i*d+j,v); s+=v*v;} norms[i]=s; }
    DoublePointer c = new DoublePointer((long) n * n);
    FloatPointer w = new FloatPointer((long) n * n);
    for (long i = 0; i < (long) n * n; i += 512) { c.put(i, 0); w.put(i, 0); }
    KernelMaps maps = KernelMaps.get();
    int blockRows = 349;
    for (int rep = 0; rep < 6; rep++) {
      openblas_full.openblas_set_num_threads(2);
      long t0 = System.nanoTime();
      for (int r0 = 0; r0 < n; r0 += blockRows) {
        int rows = Math.min(blockRows, n - r0), cols = n - r0; final int R0 = r0;
        cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, rows, cols, d, -2.0, x.getPointer((long) r0 * d), d, x.getPointer((long) r0 * d), d, 0.0, c.getPointer((long) r0 * n + r0), n);
        ByteBuffer blk = view(c, (long) r0 * n + r0, (long) (rows - 1) * n + cols, 8);
        ByteBuffer wt = view(w, (long) r0 * n + r0, (long) (rows - 1) * n + cols, 4);
        Parallel.rows(rows, cols, r -> { int at = r * n + r; maps.laplaceRow(blk, at, norms[R0 + r], norms, R0 + r, cols - r, 10.0, wt, at); });
      }
      double streamed = (System.nanoTime() - t0) / 1e6;
      openblas_full.openblas_set_num_threads(1);
      List<int[]> tiles = new ArrayList<>();
      for (int r0 = 0; r0 < n; r0 += tr) for (int c0 = (r0 / tc) * tc; c0 < n; c0 += tc) tiles.add(new int[]{r0, c0});
      t0 = System.nanoTime();
      Parallel.rows(tiles.size(), 1L << 20, t -> {
        int r0 = tiles.get(t)[0], c0 = Math.max(tiles.get(t)[1], r0);
        int rows = Math.min(tr, n - r0), cols = Math.min(tiles.get(t)[1] + tc, n) - c0;
        if (cols <= 0) return;
        cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, rows, cols, d, -2.0, x.getPointer((long) r0 * d), d, x.getPointer((long) c0 * d), d, 0.0, c.getPointer((long) r0 * n + c0), n);
        ByteBuffer blk = view(c, (long) r0 * n + c0, (long) (rows - 1) * n + cols, 8);
        ByteBuffer wt = view(w, (long) r0 * n + c0, (long) (rows - 1) * n + cols, 4);
        for (int r = 0; r < rows; r++) {
          int start = Math.max(0, r0 + r - c0); if (start >= cols) continue;
          int at = r * n + start;
          maps.laplaceRow(blk, at, norms[r0 + r], norms, c0 + start, cols - start, 10.0, wt, at);
        }
      });
      double fused = (System.nanoTime() - t0) / 1e6;
      System.out.printf("streamed %.1f ms, fused tiles %dx%d %.1f ms%n", streamed, tr, tc, fused);
    }
  }
  static ByteBuffer view(org.bytedeco.javacpp.Pointer p, long at, long len, int size) {
    org.bytedeco.javacpp.Pointer q = (p instanceof DoublePointer dp) ? dp.getPointer(at) : ((FloatPointer) p).getPointer(at);
    q.capacity(len); return q.asByteBuffer().order(ByteOrder.nativeOrder());
  }
}
