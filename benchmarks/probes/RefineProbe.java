import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import static org.bytedeco.openblas.global.openblas.*;
import java.util.Arrays;
import java.util.Random;

/** Medians over 25 reps: dsymm vs blocked dgemm residual; strsm pair vs blocked; args n b. */
public class RefineProbe {
    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]), b = Integer.parseInt(args[1]), m = 10, reps = 25;
        Random r = new Random(1);
        SymmProbe.Operands o = SymmProbe.Operands.of(n, m, r);
        DoublePointer a = o.a(), x = o.x(), y = o.y();
        FloatPointer f = o.f(), s = o.s();
        double[][] t = new double[4][reps];
        for (int rep = 0; rep < reps; rep++) {
            for (long i = 0; i < (long) n * m; i++) s.put(i, (float) r.nextGaussian());
            long t0 = System.nanoTime();
            cblas_dsymm(CblasColMajor, CblasLeft, CblasLower, n, m, -1.0, a, n, x, n, 1.0, y, n);
            long t1 = System.nanoTime();
            SymmProbe.blocked(a, x, y, n, m, b);
            long t2 = System.nanoTime();
            cblas_strsm(CblasColMajor, CblasLeft, CblasLower, CblasNoTrans, CblasNonUnit, n, m, 1f, f, n, s, n);
            cblas_strsm(CblasColMajor, CblasLeft, CblasLower, CblasTrans, CblasNonUnit, n, m, 1f, f, n, s, n);
            long t3 = System.nanoTime();
            SymmProbe.blockedTrsm(f, s, n, m, b);
            long t4 = System.nanoTime();
            t[0][rep] = (t1 - t0) / 1e6; t[1][rep] = (t2 - t1) / 1e6; t[2][rep] = (t3 - t2) / 1e6; t[3][rep] = (t4 - t3) / 1e6;
        }
        for (double[] v : t) Arrays.sort(v);
        System.out.printf("n=%d b=%d medians: dsymm %.2f blocked %.2f | strsm pair %.2f blocked %.2f ms (quartiles %.2f-%.2f / %.2f-%.2f)%n", n, b,
                t[0][reps / 2], t[1][reps / 2], t[2][reps / 2], t[3][reps / 2], t[2][reps / 4], t[2][3 * reps / 4], t[3][reps / 4], t[3][3 * reps / 4]);
    }
}
