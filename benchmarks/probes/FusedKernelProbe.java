import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/** Throughput of a Vector API micro-kernel for the upper-triangle cross terms X·Xᵀ (n=6000, d=100): 4×16 tiles. */
public class FusedKernelProbe {
    static final VectorSpecies<Double> S = DoubleVector.SPECIES_512;
    static final int N = 6000, D = 100, MR = 4, NR = 16, STRIP = 512;

    public static void main(String[] args) throws Exception {
        Random rnd = new Random(1);
        double[] x = new double[N * D];
        for (int i = 0; i < x.length; i++) x[i] = rnd.nextGaussian();
        // packed A: quads [q][k][r]; packed B: panels [p][k][c]
        int quads = (N + MR - 1) / MR, panels = (N + NR - 1) / NR;
        double[] ap = new double[quads * D * MR];
        double[] bp = new double[panels * D * NR];
        for (int i = 0; i < N; i++) for (int k = 0; k < D; k++) {
            ap[(i / MR) * D * MR + k * MR + i % MR] = x[i * D + k];
            bp[(i / NR) * D * NR + k * NR + i % NR] = x[i * D + k];
        }
        int threads = Integer.parseInt(args.length > 0 ? args[0] : "2");
        for (int rep = 0; rep < 8; rep++) {
            AtomicInteger next = new AtomicInteger();
            int strips = (N + STRIP - 1) / STRIP;
            double[] sink = new double[threads];
            long t0 = System.nanoTime();
            Thread[] ts = new Thread[threads];
            for (int t = 0; t < threads; t++) {
                final int tid = t;
                ts[t] = new Thread(() -> {
                    double[] tile = new double[MR * STRIP];
                    double s = 0;
                    for (int st; (st = next.getAndIncrement()) < strips; ) {
                        int strip = strips - 1 - st;       // costliest first
                        int c0 = strip * STRIP, c1 = Math.min(N, c0 + STRIP);
                        for (int q = 0; q * MR < c1; q++) {
                            int pFirst = Math.max(c0, (q * MR) / NR * NR) / NR;
                            for (int p = pFirst; p * NR < c1; p++) {
                                micro(ap, q * D * MR, bp, p * D * NR, tile, (p * NR - c0));
                            }
                            s += tile[3];
                        }
                    }
                    sink[tid] = s;
                });
                ts[t].start();
            }
            for (Thread t : ts) t.join();
            double sec = (System.nanoTime() - t0) / 1e9;
            System.out.printf("rep %d: %.1f ms, %.1f GFLOP/s (upper triangle n^2 d flops) %s%n", rep, sec * 1e3,
                    (double) N * N * D / sec / 1e9, sink[0] == 12345 ? "x" : "");
        }
    }

    /** tile[r*STRIP + off + c] = Σ_k a[r][k]·b[k][c], r<4, c<16. */
    static void micro(double[] a, int ao, double[] b, int bo, double[] tile, int off) {
        DoubleVector c00 = DoubleVector.zero(S), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00, c30 = c00, c31 = c00;
        for (int k = 0; k < D; k++) {
            DoubleVector b0 = DoubleVector.fromArray(S, b, bo + k * NR);
            DoubleVector b1 = DoubleVector.fromArray(S, b, bo + k * NR + 8);
            int ak = ao + k * MR;
            DoubleVector a0 = DoubleVector.broadcast(S, a[ak]);
            c00 = b0.fma(a0, c00);
            c01 = b1.fma(a0, c01);
            DoubleVector a1 = DoubleVector.broadcast(S, a[ak + 1]);
            c10 = b0.fma(a1, c10);
            c11 = b1.fma(a1, c11);
            DoubleVector a2 = DoubleVector.broadcast(S, a[ak + 2]);
            c20 = b0.fma(a2, c20);
            c21 = b1.fma(a2, c21);
            DoubleVector a3 = DoubleVector.broadcast(S, a[ak + 3]);
            c30 = b0.fma(a3, c30);
            c31 = b1.fma(a3, c31);
        }
        c00.intoArray(tile, off);
        c01.intoArray(tile, off + 8);
        c10.intoArray(tile, STRIP + off);
        c11.intoArray(tile, STRIP + off + 8);
        c20.intoArray(tile, 2 * STRIP + off);
        c21.intoArray(tile, 2 * STRIP + off + 8);
        c30.intoArray(tile, 3 * STRIP + off);
        c31.intoArray(tile, 3 * STRIP + off + 8);
    }
}
