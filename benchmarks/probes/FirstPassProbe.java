import org.featurelab.kernel.*;
import org.featurelab.linalg.*;
import java.util.Random;

/** After a 2000-row warm-up pass: 6000-row passes, alternating a fresh workspace (faults) and a reused one. */
public class FirstPassProbe {
    static KernelBasis basis(int n, int d) {
        Random rnd = new Random(n);
        Matrix x = Matrix.zeros(n, d);
        double[] v = x.data();
        for (int i = 0; i < v.length; i++) v[i] = rnd.nextGaussian();
        return new Laplace(10).basis(x, Metric.identity(d, false));
    }
    public static void main(String[] args) {
        int d = 100;
        try (GramWorkspace w0 = new GramWorkspace()) {
            KernelBasis small = basis(2000, d);
            for (int i = 0; i < Integer.parseInt(args[0]); i++) small.trainingGram(Arithmetic.MIXED, w0, true);
        }
        KernelBasis big = basis(6000, d);
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < 4; r++) {
            try (GramWorkspace ws = new GramWorkspace()) {
                for (int p = 0; p < 2; p++) {
                    long t0 = System.nanoTime();
                    big.trainingGram(Arithmetic.MIXED, ws, true);
                    sb.append(String.format(" %s%.1f", p == 0 ? "fresh " : "reused ", (System.nanoTime() - t0) / 1e6));
                }
            }
        }
        System.out.println("ms:" + sb);
    }
}
