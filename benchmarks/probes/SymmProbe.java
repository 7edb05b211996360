import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import static org.bytedeco.openblas.global.openblas.*;
import java.util.Random;

/** dsymm / strsm variants for the refinement of an n=6000, nrhs=10 solve (row-major upper triangle = col-major lower). */
public class SymmProbe {
    /** A (float64 triangle), a stand-in float32 factor f, X, Y (n×m float64) and S (n×m float32), all Gaussian-ish. */
    record Operands(DoublePointer a, FloatPointer f, DoublePointer x, DoublePointer y, FloatPointer s) {
        static Operands of(int n, int m, Random r) {
            DoublePointer a = new DoublePointer((long) n * n);
            FloatPointer f = new FloatPointer((long) n * n);
            for (long i = 0; i < n; i++) {
                for (long j = i; j < n; j++) {
                    double v = i == j ? n : r.nextDouble() * 0.01;
                    a.put(i * n + j, v);
                    f.put(i * n + j, (float) (i == j ? Math.sqrt(n) : v * 0.001));
                }
            }
            DoublePointer x = new DoublePointer((long) n * m);
            FloatPointer s = new FloatPointer((long) n * m);
            for (long i = 0; i < (long) n * m; i++) {
                x.put(i, r.nextGaussian());
                s.put(i, (float) r.nextGaussian());
            }
            return new Operands(a, f, x, new DoublePointer((long) n * m), s);
        }
    }

    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]), m = 10;
        Random r = new Random(1);
        Operands o = Operands.of(n, m, r);
        DoublePointer a = o.a(), x = o.x(), y = o.y();
        FloatPointer f = o.f(), s = o.s();
        for (int rep = 0; rep < 6; rep++) {
            long t0 = System.nanoTime();
            cblas_dsymm(CblasColMajor, CblasLeft, CblasLower, n, m, -1.0, a, n, x, n, 1.0, y, n);
            long t1 = System.nanoTime();
            cblas_dsymm(CblasRowMajor, CblasRight, CblasUpper, m, n, -1.0, a, n, x, n, 1.0, y, n);  // Y(m×n) row-major = X·A
            long t2 = System.nanoTime();
            cblas_dsymm(CblasRowMajor, CblasLeft, CblasUpper, n, m, -1.0, a, n, x, m, 1.0, y, m);   // X row-major n×m
            long t3 = System.nanoTime();
            LAPACKE_spotrs_work(LAPACK_COL_MAJOR, (byte) 'L', n, m, f, n, s, n);
            long t4 = System.nanoTime();
            cblas_strsm(CblasColMajor, CblasLeft, CblasLower, CblasNoTrans, CblasNonUnit, n, m, 1f, f, n, s, n);
            long t5 = System.nanoTime();
            cblas_strsm(CblasColMajor, CblasLeft, CblasLower, CblasTrans, CblasNonUnit, n, m, 1f, f, n, s, n);
            long t6 = System.nanoTime();
            cblas_strsm(CblasRowMajor, CblasRight, CblasUpper, CblasNoTrans, CblasNonUnit, m, n, 1f, f, n, s, n);
            long t7 = System.nanoTime();
            int blk = Integer.parseInt(args[1]);
            long b0 = System.nanoTime();
            blocked(a, x, y, n, m, blk);
            long b1 = System.nanoTime();
            System.out.printf("blocked %.1f ms ", (b1 - b0) / 1e6);
            FloatPointer s2 = new FloatPointer((long) n * m);
            for (long i = 0; i < (long) n * m; i++) { float v = (float) r.nextGaussian(); s.put(i, v); s2.put(i, v); }
            long q0 = System.nanoTime();
            cblas_strsm(CblasColMajor, CblasLeft, CblasLower, CblasNoTrans, CblasNonUnit, n, m, 1f, f, n, s, n);
            cblas_strsm(CblasColMajor, CblasLeft, CblasLower, CblasTrans, CblasNonUnit, n, m, 1f, f, n, s, n);
            long q1 = System.nanoTime();
            blockedTrsm(f, s2, n, m, blk);
            long q2 = System.nanoTime();
            double md = 0, mx = 0;
            for (long i = 0; i < (long) n * m; i++) { md = Math.max(md, Math.abs(s.get(i) - s2.get(i))); mx = Math.max(mx, Math.abs(s.get(i))); }
            System.out.printf("trsm pair %.1f blocked pair %.1f ms (max diff %.2e of %.2e) ", (q1 - q0) / 1e6, (q2 - q1) / 1e6, md, mx);
            long t8 = System.nanoTime();
            double dd = cblas_dasum(n * n / 2, a, 1);
            long t9 = System.nanoTime();
            System.out.printf("dasum 144MB %.1f ms (%.0f) ", (t9 - t8) / 1e6, dd > 0 ? 1.0 : 0.0);
            System.out.printf("symm colL %.1f rowR %.1f rowL %.1f | potrs %.1f trsm N %.1f T %.1f rowR %.1f ms%n",
                    (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, (t4 - t3) / 1e6, (t5 - t4) / 1e6, (t6 - t5) / 1e6, (t7 - t6) / 1e6);
        }
    }

    /** Y −= K·X (as the dsymm calls above: alpha −1, beta 1) from the stored upper triangle, in row blocks of dgemm calls. */
    static void blocked(DoublePointer a, DoublePointer x, DoublePointer y, int n, int m, int b) {
        for (int i0 = 0; i0 < n; i0 += b) {
            int i1 = Math.min(n, i0 + b), bb = i1 - i0, rest = n - i1;
            DoublePointer diag = a.getPointer((long) i0 * n + i0);
            cblas_dsymm(CblasColMajor, CblasLeft, CblasLower, bb, m, -1.0, diag, n, x.getPointer(i0), n, 1.0, y.getPointer(i0), n);
            if (rest > 0) {
                DoublePointer rc = a.getPointer((long) i0 * n + i1);
                cblas_dgemm(CblasColMajor, CblasTrans, CblasNoTrans, bb, m, rest, -1.0, rc, n, x.getPointer(i1), n, 1.0, y.getPointer(i0), n);
                cblas_dgemm(CblasColMajor, CblasNoTrans, CblasNoTrans, rest, m, bb, -1.0, rc, n, x.getPointer(i0), n, 1.0, y.getPointer(i1), n);
            }
        }
    }

    /** L·Lᵀ·X = S in place (col-major lower L, ld n), as the two strsm calls above, in row blocks of sgemm updates. */
    static void blockedTrsm(FloatPointer l, FloatPointer x, int n, int m, int b) {
        for (int i0 = 0; i0 < n; i0 += b) {   // forward: L·Y = S
            int bb = Math.min(b, n - i0), i1 = i0 + bb, rest = n - i1;
            cblas_strsm(CblasColMajor, CblasLeft, CblasLower, CblasNoTrans, CblasNonUnit, bb, m, 1f, l.getPointer((long) i0 * n + i0), n, x.getPointer(i0), n);
            if (rest > 0) cblas_sgemm(CblasColMajor, CblasNoTrans, CblasNoTrans, rest, m, bb, -1f, l.getPointer((long) i0 * n + i1), n, x.getPointer(i0), n, 1f, x.getPointer(i1), n);
        }
        for (int i1 = n; i1 > 0; i1 -= b) {   // backward: Lᵀ·X = Y
            int i0 = Math.max(0, i1 - b), bb = i1 - i0, rest = n - i1;
            if (rest > 0) cblas_sgemm(CblasColMajor, CblasTrans, CblasNoTrans, bb, m, rest, -1f, l.getPointer((long) i0 * n + i1), n, x.getPointer(i1), n, 1f, x.getPointer(i0), n);
            cblas_strsm(CblasColMajor, CblasLeft, CblasLower, CblasTrans, CblasNonUnit, bb, m, 1f, l.getPointer((long) i0 * n + i0), n, x.getPointer(i0), n);
        }
    }
}
