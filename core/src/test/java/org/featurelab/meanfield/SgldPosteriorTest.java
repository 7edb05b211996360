package org.featurelab.meanfield;

import org.featurelab.linalg.Cholesky;
import org.featurelab.linalg.Matrix;
import org.featurelab.linalg.SymmetricEigen;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SGLD samples the right posterior. With the hidden weights W frozen, the stationary density of the readout is
 * <pre>
 *   π(a) ∝ exp[ −(1/(2κ²P)) ‖c Φ a − y‖² − ‖a‖²/(2σ_a²) ],   c = N^{−γ}, Φ = φ(X Wᵀ) (P×N),
 * </pre>
 * a Gaussian with precision A = c² ΦᵀΦ/(κ²P) + I/σ_a² and mean m = A⁻¹ c Φᵀ y/(κ²P) (complete the square).
 *
 * <p>Discretisation bias, derived: with h = ηT (T = 2κ²) the frozen-W SGLD step is exactly the linear recursion
 * a' − m = (I − hA)(a − m) + √(2h) ξ (the drift is T·(A a − A m), since T·c²·ΦᵀΦ/(κ²P) = 2c²ΦᵀΦ/P is the Hessian
 * of L and T/σ_a² the decay). Hence the mean is unbiased and the stationary covariance is exactly
 * A⁻¹(I − hA/2)⁻¹, a relative bias hλ/2 along an eigenvector of A with eigenvalue λ. Each eigen-projection
 * u = vᵀ(a − m) is an independent AR(1) with coefficient ρ = 1 − hλ, integrated autocorrelation time
 * (1 + ρ)/(1 − ρ) ≈ 2/(hλ) for u and (1 + ρ²)/(1 − ρ²) ≈ 1/(hλ) for u². η is chosen from λ_max so that
 * hλ_max = 4·10⁻³: the covariance bias (≤ 0.2 %) is asserted to be below a quarter of the Monte-Carlo standard
 * error of every compared entry, so the comparison is with the closed form A⁻¹ itself.
 *
 * <p>Monte-Carlo error: batch means over {@value #BATCHES} batches, each ≥ 25 integrated autocorrelation times
 * 2/(hλ_min) of the slowest mode long, give the standard error of every mean entry and every (globally centred) covariance entry; every
 * entry must agree within {@value #K_SIGMA} standard errors (a per-entry two-sided false-alarm rate 6·10⁻⁵,
 * 20 entries). The lag-1 autocorrelation of each eigen-projection is also compared with 1 − hλ, within
 * K_SIGMA·√((1 − ρ²)/n) (the asymptotic standard error for an AR(1)): this checks the time scale of the drift,
 * which the stationary law alone does not see.
 */
class SgldPosteriorTest {
    static final int BATCHES = 40;
    static final double K_SIGMA = 4.0;

    @Test
    void frozenHiddenWeightsReadoutChainMatchesGaussianPosterior() {
        int n = 5;
        int d = 3;
        int p = 10;
        double kappa = 0.3;
        double gamma = 0.5;
        Priors priors = Priors.standard();
        SplittableRandom data = new SplittableRandom(11);
        Matrix x = Matrix.gaussian(p, d, 1.0, data);
        double[] y = new double[p];
        for (int mu = 0; mu < p; mu++) {
            y[mu] = Math.signum(x.get(mu, 0)) + 0.5 * x.get(mu, 1);
        }
        TwoLayerNetwork start = TwoLayerNetwork.samplePrior(n, d, gamma, priors, data);

        // closed form
        double c = start.outputScale();
        Matrix phi = start.features(x);
        Matrix precision = phi.gramOfColumns().scale(c * c / (kappa * kappa * p));
        precision.addToDiagonalInPlace(1.0 / priors.readoutVariance());
        Matrix rhs = phi.transpose().times(Matrix.wrap(p, 1, y.clone())).scale(c / (kappa * kappa * p));
        Cholesky chol = Cholesky.factor(precision);
        double[] mean = chol.solve(rhs).data();
        Matrix covariance = chol.solve(Matrix.identity(n));
        SymmetricEigen eig = SymmetricEigen.of(precision);
        double[] lambda = eig.values();
        double lMin = Double.POSITIVE_INFINITY;
        double lMax = 0;
        for (double l : lambda) {
            lMin = Math.min(lMin, l);
            lMax = Math.max(lMax, l);
        }
        double temperature = 2 * kappa * kappa;
        double h = 4e-3 / lMax;
        double eta = h / temperature;
        long steps = 4_000_000;
        long burnIn = (long) (20 / (h * lMin));
        long batch = steps / BATCHES;
        assertTrue(batch * h * lMin / 2 > 25, "batches must be >= 25 autocorrelation times 2/(h λ_min) long");

        SgldConfig config = SgldConfig.of(kappa, eta, burnIn + steps, 2024).withRecording(burnIn, 1).withFreezeHidden(true);
        Sgld chain = new Sgld(start, x, y, priors, config);
        Accumulator acc = new Accumulator(n, batch, mean, eig.vectors());
        chain.runInPlace(acc);

        // batch means
        double[] aBar = new double[n];
        for (int b = 0; b < BATCHES; b++) {
            for (int i = 0; i < n; i++) {
                aBar[i] += acc.sum1[b][i] / batch / BATCHES;
            }
        }
        double minCovSe = Double.POSITIVE_INFINITY;
        double[][] covEst = new double[n][n];
        double[][] covSe = new double[n][n];
        for (int i = 0; i < n; i++) {
            double[] mb = new double[BATCHES];
            for (int b = 0; b < BATCHES; b++) {
                mb[b] = acc.sum1[b][i] / batch;
            }
            double se = Math.sqrt(variance(mb) / BATCHES);
            assertClose(aBar[i], mean[i], se, "posterior mean a[" + i + "]");
            for (int j = 0; j <= i; j++) {
                double[] cb = new double[BATCHES];
                for (int b = 0; b < BATCHES; b++) {
                    double s2 = acc.sum2[b][i * n + j] / batch;
                    double s1i = acc.sum1[b][i] / batch;
                    double s1j = acc.sum1[b][j] / batch;
                    cb[b] = s2 - aBar[i] * s1j - aBar[j] * s1i + aBar[i] * aBar[j];
                }
                covEst[i][j] = average(cb);
                covSe[i][j] = Math.sqrt(variance(cb) / BATCHES);
                minCovSe = Math.min(minCovSe, covSe[i][j]);
            }
        }
        // the exact discrete-chain covariance A⁻¹(I − hA/2)⁻¹ differs from A⁻¹ by less than a quarter of any SE
        Matrix shifted = precision.scale(-h / 2);
        shifted.addToDiagonalInPlace(1.0);
        Matrix discretePrecision = precision.times(shifted);
        discretePrecision.symmetrizeInPlace();
        Matrix discrete = Cholesky.factor(discretePrecision).solve(Matrix.identity(n));
        double bias = discrete.minus(covariance).maxAbs();
        assertTrue(bias < 0.25 * minCovSe, "discretisation bias " + bias + " must be below SE/4 = " + minCovSe / 4);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                assertClose(covEst[i][j], covariance.get(i, j), covSe[i][j], "posterior covariance (" + i + "," + j + ")");
            }
        }
        // time scale: lag-1 autocorrelation of each eigen-projection is 1 − hλ
        for (int k = 0; k < n; k++) {
            double rho = 1 - h * lambda[k];
            double rhoHat = acc.lag1[k] / acc.lag0[k];
            double se = Math.sqrt((1 - rho * rho) / acc.count);
            assertClose(rhoHat, rho, se, "lag-1 autocorrelation of eigen-mode " + k);
        }
    }

    private static void assertClose(double actual, double expected, double se, String what) {
        org.featurelab.testing.Close.assertClose(actual, expected, 0.0, K_SIGMA * se, what + " (" + K_SIGMA + " SE)");
    }

    static double average(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    static double variance(double[] v) {
        double m = average(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return s / (v.length - 1);
    }

    /** Per-batch sums of a and a aᵀ, and lag-0/lag-1 sums of the eigen-projections vₖᵀ(a − m). */
    private static final class Accumulator implements Sgld.Listener {
        final int n;
        final long batch;
        final double[] mean;
        final Matrix vectors;
        final double[][] sum1;
        final double[][] sum2;
        final double[] lag0;
        final double[] lag1;
        final double[] a;
        final double[] u;
        final double[] uPrev;
        long count;

        Accumulator(int n, long batch, double[] mean, Matrix vectors) {
            this.n = n;
            this.batch = batch;
            this.mean = mean;
            this.vectors = vectors;
            sum1 = new double[BATCHES][n];
            sum2 = new double[BATCHES][n * n];
            lag0 = new double[n];
            lag1 = new double[n];
            a = new double[n];
            u = new double[n];
            uPrev = new double[n];
        }

        @Override
        public void record(long step, Sgld chain) {
            int b = (int) (count / batch);
            if (b >= BATCHES) {
                return;
            }
            chain.copyReadoutInto(a);
            double[] s1 = sum1[b];
            double[] s2 = sum2[b];
            for (int i = 0; i < n; i++) {
                s1[i] += a[i];
                for (int j = 0; j <= i; j++) {
                    s2[i * n + j] += a[i] * a[j];
                }
            }
            for (int k = 0; k < n; k++) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += vectors.get(i, k) * (a[i] - mean[i]);
                }
                u[k] = s;
                lag0[k] += s * s;
                if (count > 0) {
                    lag1[k] += s * uPrev[k];
                }
                uPrev[k] = s;
            }
            count++;
        }
    }
}
