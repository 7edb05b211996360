import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas;
import org.bytedeco.openblas.global.openblas_full;
import java.util.Random;

public class PotrfProbe {
    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        int threads = Integer.parseInt(args[1]);
        openblas_full.openblas_set_num_threads(threads);
        Random r = new Random(1);
        float[] g = new float[n * 64];
        for (int i = 0; i < g.length; i++) g[i] = (float) r.nextGaussian();
        float[] a = new float[n * n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) {
            double s = i == j ? n : 0;
            for (int k = 0; k < 64; k++) s += g[i * 64 + k] * g[j * 64 + k];
            a[i * n + j] = (float) s;
        }
        FloatPointer p = new FloatPointer((long) n * n);
        FloatPointer c = new FloatPointer((long) n * n);
        StringBuilder sb = new StringBuilder();
        for (int rep = 0; rep < 8; rep++) {
            p.put(a);
            long t0 = System.nanoTime();
            int info = openblas.LAPACKE_spotrf_work(openblas.LAPACK_COL_MAJOR, (byte) 'L', n, p, n);
            long t1 = System.nanoTime();
            openblas.cblas_sgemm(openblas.CblasColMajor, openblas.CblasNoTrans, openblas.CblasTrans, n, n, n / 3, 1f, p, n, p, n, 0f, c, n);
            long t2 = System.nanoTime();
            sb.append(String.format(" potrf %.1fms (%.0f GF/s) sgemm-equal %.1fms |", (t1 - t0) / 1e6, n * (double) n * n / 3 / (t1 - t0), (t2 - t1) / 1e6));
            if (info != 0) sb.append("info " + info);
        }
        System.out.println("n=" + n + " threads=" + threads + sb);
    }
}
